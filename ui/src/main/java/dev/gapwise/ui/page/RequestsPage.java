package dev.gapwise.ui.page;

import dev.gapwise.ui.data.RequestLog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Requests: the log, newest first, a keyset page at a time, filtered by key, tier, first deployment and days; one
 * request's every attempt with the routing decision; the CSV export of the same filter. A key holder's filter is
 * always its own key.
 */
public final class RequestsPage {
    private RequestsPage() {
    }

    /** The filter of a request: a key holder is held to its key whatever the URL says. */
    public static RequestLog.Filter filter(PageRequest request) {
        Optional<String> from = request.param("from").map(RequestsPage::day);
        Optional<String> to = request.param("to").map(RequestsPage::day);
        return new RequestLog.Filter(request.ownKey().or(() -> request.param("key")), request.param("tier"),
                request.param("deployment"), from, to);
    }

    private static String day(String text) {
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new PageRequest.BadRequest("from and to are UTC days written YYYY-MM-DD, not '" + text + "'");
        }
    }

    static int size(PageRequest request) {
        Optional<String> size = request.param("size");
        if (size.isEmpty()) {
            return 50;
        }
        try {
            int value = Integer.parseInt(size.get());
            if (value >= 1 && value <= RequestLog.MAX_PAGE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new PageRequest.BadRequest("size is the number of requests per page, 1 to " + RequestLog.MAX_PAGE
                + ", not '" + size.get() + "'");
    }

    public static String render(Sources sources, PageRequest request) throws Exception {
        RequestLog.Filter filter = filter(request);
        int size = size(request);
        Optional<RequestLog.Cursor> before = request.param("before").map(text -> RequestLog.Cursor.decode(text)
                .orElseThrow(() -> new PageRequest.BadRequest("before is a page cursor from a 'Older' link")));
        RequestLog.Page page;
        try (Connection connection = sources.connection()) {
            page = RequestLog.page(connection, filter, before, size);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        if (request.ownKey().isEmpty()) {
            filter.keyId().ifPresent(v -> kept.put("key", v));
        }
        filter.tier().ifPresent(v -> kept.put("tier", v));
        filter.deployment().ifPresent(v -> kept.put("deployment", v));
        filter.fromDay().ifPresent(v -> kept.put("from", v));
        filter.toDay().ifPresent(v -> kept.put("to", v));
        kept.put("size", String.valueOf(size));
        StringBuilder out = new StringBuilder("<form class=\"filters\" method=\"get\" action=\"/ui/requests\">");
        if (request.ownKey().isEmpty()) {
            out.append(input("key", "Key id", kept));
        }
        out.append(input("tier", "Tier", kept)).append(input("deployment", "Deployment (first attempt)", kept))
                .append(dateInput("from", "From day", kept)).append(dateInput("to", "To day", kept))
                .append(input("size", "Per page", kept))
                .append("<button type=\"submit\">Filter</button> <a class=\"button\" id=\"csv\" href=\"/ui/requests.csv")
                .append(query(kept, Optional.empty())).append("\">Export CSV (every attempt)</a></form>");
        if (page.requests().isEmpty()) {
            out.append("<p class=\"empty\" id=\"no-requests\">").append(before.isEmpty() && kept.size() == 1
                    ? "No request yet: every request the gateway serves appears here, newest first, with its tier, "
                    + "deployment, tokens, cost, baseline cost, latency, outcome, route reason and fallbacks."
                    : "No request matches these filters.").append("</p>");
        } else {
            out.append("<table class=\"numbers log\" id=\"requests\"><thead><tr><th>Time (UTC)</th><th>Key</th>"
                    + "<th>Tier</th><th>Deployment</th><th>Tokens in/out</th><th>Cost USD</th><th>Baseline USD</th>"
                    + "<th>Latency</th><th>Outcome</th><th>Route reason</th><th>Fallbacks</th></tr></thead><tbody>");
            for (RequestLog.Request r : page.requests()) {
                long in = r.attempts().stream().mapToLong(a -> a.inputTokens() + a.cacheReadTokens()
                        + a.cacheWriteTokens()).sum();
                long outTokens = r.attempts().stream().mapToLong(RequestLog.Attempt::outputTokens).sum();
                out.append("<tr data-request=\"").append(Html.esc(r.first().requestId())).append("\"><td><a href=\"/ui/"
                        + "requests/").append(URLEncoder.encode(r.first().requestId(), StandardCharsets.UTF_8))
                        .append("\">").append(Html.esc(r.first().atUtc())).append("</a></td><td>")
                        .append(Html.esc(r.first().keyId())).append("</td><td>").append(Html.esc(r.first().tier()))
                        .append("</td><td>").append(Html.esc(r.last().deployment())).append("</td><td>").append(in)
                        .append(" / ").append(outTokens).append("</td><td>").append(Html.cost(r.costNanoUsd(), r.unpriced()))
                        .append("</td><td>").append(Html.usd(r.baselineNanoUsd())).append("</td><td>")
                        .append(Html.millis(java.util.OptionalLong.of(r.latencyMicros()))).append("</td><td>")
                        .append(r.last().errorClass() == null ? "ok" : "<span class=\"error\">"
                                + Html.esc(r.last().errorClass()) + "</span>").append("</td><td class=\"reason\">")
                        .append(Html.esc(r.first().reason())).append("</td><td>").append(r.attempts().size() - 1)
                        .append("</td></tr>");
            }
            out.append("</tbody></table>");
        }
        out.append("<p class=\"pager\">");
        if (before.isPresent()) {
            out.append("<a href=\"/ui/requests").append(query(kept, Optional.empty())).append("\">Newest</a> ");
        }
        page.next().ifPresent(next -> out.append("<a id=\"older\" href=\"/ui/requests").append(query(kept,
                Optional.of(next.encode()))).append("\">Older →</a>"));
        out.append("</p>");
        return Html.page("Requests", "/ui/requests", request.viewer(), out.toString());
    }

    /** One request: every attempt with its deployment, tokens, cost, outcome and the routing decision. */
    public static Optional<String> detail(Sources sources, PageRequest request, String requestId) throws Exception {
        Optional<RequestLog.Request> found;
        try (Connection connection = sources.connection()) {
            found = RequestLog.request(connection, requestId);
        }
        if (found.isEmpty() || (request.ownKey().isPresent()
                && !request.ownKey().get().equals(found.get().first().keyId()))) {
            return Optional.empty();
        }
        RequestLog.Request r = found.get();
        StringBuilder out = new StringBuilder("<p><a href=\"/ui/requests\">← all requests</a></p><p>Request <code>")
                .append(Html.esc(requestId)).append("</code>: ").append(r.attempts().size()).append(" attempt(s), cost ")
                .append(Html.cost(r.costNanoUsd(), r.unpriced())).append(", baseline (attempts with a price) $")
                .append(Html.usd(r.baselineNanoUsd())).append(" on ").append(Html.esc(r.first().baselineDeployment()))
                .append(".</p><table class=\"numbers\" id=\"attempts\"><thead><tr><th>#</th><th>Started (UTC)</th>"
                        + "<th>Deployment</th><th>Status</th><th>Error</th><th>Tokens in</th><th>Cache read/write</th>"
                        + "<th>Out (reasoning)</th><th>Cost USD</th><th>Baseline USD</th><th>Latency</th><th>TTFT</th>"
                        + "<th>Reason</th></tr></thead><tbody>");
        for (RequestLog.Attempt a : r.attempts()) {
            out.append("<tr><td>").append(a.attempt()).append("</td><td>").append(Html.esc(a.atUtc())).append("</td><td>")
                    .append(Html.esc(a.deployment())).append("</td><td>").append(a.status()).append("</td><td>")
                    .append(Html.esc(a.errorClass() == null ? "" : a.errorClass())).append("</td><td>")
                    .append(a.inputTokens()).append(a.tokensEstimated() ? " (estimated)" : "").append("</td><td>")
                    .append(a.cacheReadTokens()).append(" / ").append(a.cacheWriteTokens()).append("</td><td>")
                    .append(a.outputTokens()).append(" (").append(a.reasoningTokens()).append(")</td><td>")
                    .append(a.unpriced() ? "<span class=\"unpriced\">unpriced: cost unknown</span>" : Html.usd(a.costNanoUsd()))
                    .append("</td><td>").append(Html.usd(a.baselineNanoUsd())).append("</td><td>")
                    .append(Html.millis(java.util.OptionalLong.of(a.latencyMicros()))).append("</td><td>")
                    .append(a.ttftMicros() == null ? "–" : Html.millis(java.util.OptionalLong.of(a.ttftMicros())))
                    .append("</td><td class=\"reason\">").append(Html.esc(a.reason())).append("</td></tr>");
        }
        out.append("</tbody></table><h2>Routing decision</h2><ol class=\"decision\">");
        for (String reason : r.first().decision().split("; ")) {
            if (!reason.isBlank()) {
                out.append("<li>").append(Html.esc(reason)).append("</li>");
            }
        }
        out.append("</ol>");
        r.attempts().stream().filter(a -> a.anomaly() != null).forEach(a -> out.append("<p class=\"note\">Attempt ")
                .append(a.attempt()).append(": ").append(Html.esc(a.anomaly())).append("</p>"));
        return Optional.of(Html.page("Request", "/ui/requests", request.viewer(), out.toString()));
    }

    private static String input(String name, String label, Map<String, String> values) {
        return "<label>" + Html.esc(label) + " <input name=\"" + name + "\" value=\"" + Html.esc(values.getOrDefault(name,
                "")) + "\"></label> ";
    }

    private static String dateInput(String name, String label, Map<String, String> values) {
        return "<label>" + Html.esc(label) + " <input type=\"date\" name=\"" + name + "\" value=\""
                + Html.esc(values.getOrDefault(name, "")) + "\"></label> ";
    }

    private static String query(Map<String, String> values, Optional<String> before) {
        StringBuilder out = new StringBuilder();
        Map<String, String> all = new LinkedHashMap<>(values);
        before.ifPresent(b -> all.put("before", b));
        for (Map.Entry<String, String> entry : all.entrySet()) {
            out.append(out.isEmpty() ? '?' : '&').append(entry.getKey()).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
        }
        return Html.esc(out.toString());
    }
}
