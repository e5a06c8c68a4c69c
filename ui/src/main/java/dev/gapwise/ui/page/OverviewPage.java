package dev.gapwise.ui.page;

import dev.gapwise.gateway.ledger.LedgerReport;
import dev.gapwise.ui.data.Cube;
import dev.gapwise.ui.data.HourRange;
import dev.gapwise.ui.data.Rollups;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Overview: spend, the savings baseline and savings per day, week and month (the baseline named); requests and
 * share by tier; top keys and models; error and fallback rates; latency and time-to-first-token percentiles per
 * deployment. A key holder sees the same for its own key only. Before any traffic it says what will appear.
 */
public final class OverviewPage {
    private OverviewPage() {
    }

    public static String render(Sources sources, PageRequest request) throws Exception {
        int days = request.days();
        HourRange range = HourRange.lastDays(request.now(), days);
        StringBuilder body = new StringBuilder();
        body.append(rangePicker("/ui", days));
        try (Connection connection = sources.connection()) {
            if (request.ownKey().isPresent()) {
                return Html.page("Overview", "/ui", request.viewer(), body + ownKey(connection, range,
                        request.ownKey().get(), days) + "<p class=\"note\">" + baselineSentence(sources) + "</p>");
            }
            Cube cube = Cube.read(connection, range);
            List<LedgerReport.Line> lines = cube.daily();
            if (lines.isEmpty()) {
                body.append(empty(sources, days));
                return Html.page("Overview", "/ui", request.viewer(), body.toString());
            }
            body.append(totals(sources, lines));
            body.append(periods(lines));
            body.append(tiers(cube.flows()));
            body.append(topKeys(Rollups.keys(connection, range, Optional.empty())));
            body.append(topModels(lines));
            body.append(DeploymentsPage.healthTable(Rollups.deployments(connection, range, cube), cube.errors()));
        }
        return Html.page("Overview", "/ui", request.viewer(), body.toString());
    }

    static String rangePicker(String path, int days) {
        StringBuilder out = new StringBuilder("<p class=\"range\">Last ");
        for (int choice : new int[] {1, 7, 30, 90, 365}) {
            out.append(choice == days ? "<strong>" + choice + "</strong>"
                    : "<a href=\"" + path + "?days=" + choice + "\">" + choice + "</a>").append(' ');
        }
        return out.append("UTC days (figures from the hourly and daily rollups of the ledger).</p>").toString();
    }

    static String baselineSentence(Sources sources) {
        return "Savings are measured against the baseline recorded on each ledger row: what the same tokens would have "
                + "cost on " + sources.gateway().reference().map(d -> "<strong>" + Html.esc(d.id()) + "</strong>")
                .orElse("the savings baseline") + " (the cheapest callable deployment of the model nearest the "
                + "frontier, unless <code>reference:</code> names one). Attempts without a price are in neither sum.";
    }

    private static String empty(Sources sources, int days) {
        return "<section class=\"empty\"><h2>No traffic in the last " + days + " days</h2><p>Every request the gateway "
                + "serves is written to the ledger, and this page then shows its spend, what the same tokens would have "
                + "cost on the savings baseline, the savings, the share of each risk tier, the busiest keys and models, "
                + "and each deployment's error rate and latency.</p><p>Send one: point an OpenAI SDK at <code>"
                + Html.esc(sources.gateway().uri().toString()) + "/v1</code> with <code>\"model\": \"auto\"</code>. "
                + "The gateway can call " + sources.gateway().callable().size() + " deployments now"
                + (sources.gateway().callable().isEmpty() ? " (set a provider key such as OPENAI_API_KEY or DEEPSEEK_API_KEY, "
                + "or run Ollama)" : "") + ".</p><p>Meanwhile <a href=\"/ui/gap\">the gap</a> shows how far open-weight "
                + "and Chinese models trail the frontier, from the bundled data.</p></section>";
    }

    private static String totals(Sources sources, List<LedgerReport.Line> lines) {
        long attempts = 0;
        long failures = 0;
        long unpriced = 0;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal baseline = BigDecimal.ZERO;
        for (LedgerReport.Line line : lines) {
            attempts += line.attempts();
            failures += line.failures();
            unpriced += line.unpriced();
            cost = cost.add(line.cost());
            baseline = baseline.add(line.baseline());
        }
        BigDecimal saved = baseline.subtract(cost);
        return "<section class=\"cards\">" + card("Spend (USD)", "$" + Html.usd(cost) + (unpriced > 0
                ? "<br><span class=\"unpriced\">+ " + unpriced + " unpriced attempts: cost unknown</span>" : ""))
                + card("Baseline (USD)", "$" + Html.usd(baseline)) + card("Saved (USD)", "$" + Html.usd(saved)
                + (baseline.signum() > 0 ? " (" + saved.multiply(BigDecimal.valueOf(100))
                .divide(baseline, 1, java.math.RoundingMode.HALF_UP) + " %)" : ""))
                + card("Attempts", attempts + " (" + failures + " failed)") + "</section><p class=\"note\">"
                + baselineSentence(sources) + "</p>";
    }

    private static String card(String label, String value) {
        return "<div class=\"card\"><div class=\"label\">" + Html.esc(label) + "</div><div class=\"value\">" + value
                + "</div></div>";
    }

    /** One period's sums. */
    private record Sum(long attempts, long failures, long unpriced, BigDecimal cost, BigDecimal baseline) {
        Sum plus(LedgerReport.Line line) {
            return new Sum(attempts + line.attempts(), failures + line.failures(), unpriced + line.unpriced(),
                    cost.add(line.cost()), baseline.add(line.baseline()));
        }
    }

    private static String periods(List<LedgerReport.Line> lines) {
        Map<String, Sum> byDay = new TreeMap<>();
        Map<String, Sum> byWeek = new TreeMap<>();
        Map<String, Sum> byMonth = new TreeMap<>();
        Sum zero = new Sum(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        for (LedgerReport.Line line : lines) {
            LocalDate day = LocalDate.parse(line.day());
            byDay.merge(line.day(), zero.plus(line), (a, b) -> a.plus(line));
            byWeek.merge("week of " + day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), zero.plus(line),
                    (a, b) -> a.plus(line));
            byMonth.merge(line.day().substring(0, 7), zero.plus(line), (a, b) -> a.plus(line));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of("spend", "baseline")));
        option.put("xAxis", Map.of("type", "category", "data", List.copyOf(byDay.keySet())));
        option.put("yAxis", Map.of("type", "value", "name", "USD"));
        option.put("series", List.of(
                Map.of("name", "spend", "type", "bar", "data", byDay.values().stream().map(s -> s.cost().doubleValue()).toList()),
                Map.of("name", "baseline", "type", "line", "data", byDay.values().stream().map(s -> s.baseline().doubleValue()).toList())));
        return "<section><h2>Spend, baseline and savings</h2>" + Html.chart("spend-by-day",
                "spend and baseline by day", option) + "<div class=\"tabs\">" + periodTable("By day", byDay)
                + periodTable("By week (Monday to Sunday, UTC)", byWeek) + periodTable("By month", byMonth) + "</div>"
                + dailyLedger(lines) + "</section>";
    }

    private static String periodTable(String title, Map<String, Sum> sums) {
        StringBuilder out = new StringBuilder("<details" + (title.equals("By day") ? " open" : "") + "><summary>"
                + Html.esc(title) + "</summary><table class=\"numbers\"><thead><tr><th>Period</th><th>Attempts</th>"
                + "<th>Failed</th><th>Spend USD</th><th>Baseline USD</th><th>Saved USD</th><th>Unpriced</th></tr>"
                + "</thead><tbody>");
        List<Map.Entry<String, Sum>> newestFirst = new ArrayList<>(sums.entrySet());
        java.util.Collections.reverse(newestFirst);
        for (Map.Entry<String, Sum> entry : newestFirst) {
            Sum sum = entry.getValue();
            out.append("<tr><td>").append(Html.esc(entry.getKey())).append("</td><td>").append(sum.attempts())
                    .append("</td><td>").append(sum.failures()).append("</td><td>").append(Html.usd(sum.cost()))
                    .append("</td><td>").append(Html.usd(sum.baseline())).append("</td><td>")
                    .append(Html.usd(sum.baseline().subtract(sum.cost()))).append("</td><td>")
                    .append(sum.unpriced() > 0 ? "<span class=\"unpriced\">" + sum.unpriced() + " (cost unknown)</span>" : "0")
                    .append("</td></tr>");
        }
        return out.append("</tbody></table></details>").toString();
    }

    /** The same lines as {@code gapwise ledger}, for the range. */
    private static String dailyLedger(List<LedgerReport.Line> lines) {
        StringBuilder out = new StringBuilder("<details><summary>As <code>gapwise ledger</code> prints it (day, served "
                + "model, tier)</summary><table class=\"numbers\" id=\"ledger-lines\"><thead><tr><th>Day</th><th>Served "
                + "model</th><th>Tier</th><th>Attempts</th><th>Failed</th><th>Tokens in</th><th>Tokens out</th>"
                + "<th>Spend USD</th><th>Baseline</th><th>Saved</th><th>Unpriced</th></tr></thead><tbody>");
        for (LedgerReport.Line line : lines) {
            out.append("<tr><td>").append(line.day()).append("</td><td>").append(Html.esc(line.servedModel()))
                    .append("</td><td>").append(Html.esc(line.tier())).append("</td><td>").append(line.attempts())
                    .append("</td><td>").append(line.failures()).append("</td><td>").append(line.inputTokens())
                    .append("</td><td>").append(line.outputTokens()).append("</td><td>").append(Html.usd(line.cost()))
                    .append("</td><td>").append(Html.usd(line.baseline())).append("</td><td>")
                    .append(Html.usd(line.savings())).append("</td><td>").append(line.unpriced()).append("</td></tr>");
        }
        return out.append("</tbody></table></details>").toString();
    }

    private static String tiers(List<Rollups.TierFlow> flows) {
        Map<String, Long> requests = new TreeMap<>();
        flows.forEach(flow -> requests.merge(flow.tier(), flow.requests(), Long::sum));
        long total = requests.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder table = new StringBuilder("<table class=\"numbers\" id=\"tier-share\"><thead><tr><th>Tier</th>"
                + "<th>Requests</th><th>Share</th></tr></thead><tbody>");
        requests.forEach((tier, n) -> table.append("<tr><td>").append(Html.esc(tier)).append("</td><td>").append(n)
                .append("</td><td>").append(Html.percent(n, total)).append("</td></tr>"));
        table.append("</tbody></table>");
        Map<String, Object> option = Map.of("tooltip", Map.of("trigger", "item"), "series", List.of(Map.of(
                "type", "pie", "radius", List.of("40%", "70%"), "data", requests.entrySet().stream()
                        .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList())));
        return "<section class=\"split\"><div><h2>Requests by tier</h2>" + table + "</div><div>"
                + Html.chart("tier-share-chart", "share of requests by tier", option) + "</div></section>";
    }

    private static String topKeys(List<Rollups.KeySpend> keys) {
        StringBuilder out = new StringBuilder("<section class=\"split\"><div><h2>Top keys</h2><table class=\"numbers\" "
                + "id=\"top-keys\"><thead><tr><th>Key</th><th>Team</th><th>Requests</th><th>Spend USD</th>"
                + "<th>Saved USD</th></tr></thead><tbody>");
        keys.stream().limit(10).forEach(key -> out.append("<tr><td>").append(key.keyId().isEmpty() ? "(no key)"
                        : Html.esc(key.keyId())).append("</td><td>").append(Html.esc(key.team())).append("</td><td>")
                .append(key.requests()).append("</td><td>").append(Html.cost(key.costNanoUsd(), key.unpriced()))
                .append("</td><td>").append(Html.usd(key.baselineNanoUsd() - key.costNanoUsd())).append("</td></tr>"));
        return out.append("</tbody></table></div>").toString();
    }

    private static String topModels(List<LedgerReport.Line> lines) {
        Map<String, long[]> models = new LinkedHashMap<>();
        Map<String, BigDecimal> cost = new TreeMap<>();
        for (LedgerReport.Line line : lines) {
            long[] sums = models.computeIfAbsent(line.servedModel(), m -> new long[2]);
            sums[0] += line.attempts();
            sums[1] += line.unpriced();
            cost.merge(line.servedModel(), line.cost(), BigDecimal::add);
        }
        StringBuilder out = new StringBuilder("<div><h2>Top models</h2><table class=\"numbers\" id=\"top-models\">"
                + "<thead><tr><th>Served model</th><th>Attempts</th><th>Spend USD</th></tr></thead><tbody>");
        models.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(10)
                .forEach(e -> out.append("<tr><td>").append(Html.esc(e.getKey())).append("</td><td>")
                        .append(e.getValue()[0]).append("</td><td>").append(e.getValue()[1] > 0 && cost.get(e.getKey())
                                .signum() == 0 ? "<span class=\"unpriced\">unpriced (cost unknown)</span>"
                                : Html.usd(cost.get(e.getKey())) + (e.getValue()[1] > 0 ? " <span class=\"unpriced\">+ "
                                + e.getValue()[1] + " unpriced</span>" : "")).append("</td></tr>"));
        return out.append("</tbody></table></div></section>").toString();
    }

    private static String ownKey(Connection connection, HourRange range, String keyId, int days) throws Exception {
        List<Rollups.KeySpend> perDay = Rollups.keyDays(connection, range, keyId);
        if (perDay.isEmpty()) {
            return "<section class=\"empty\"><h2>No requests with your key in the last " + days + " days</h2><p>Requests "
                    + "made with your key appear here with their spend and the savings against the baseline; your "
                    + "budgets are on <a href=\"/ui/keys\">Keys &amp; budgets</a>.</p></section>";
        }
        StringBuilder table = new StringBuilder("<table class=\"numbers\" id=\"own-days\"><thead><tr><th>Day</th>"
                + "<th>Requests</th><th>Attempts</th><th>Spend USD</th><th>Baseline USD</th><th>Saved USD</th></tr>"
                + "</thead><tbody>");
        long cost = 0;
        long baseline = 0;
        long unpriced = 0;
        for (Rollups.KeySpend day : perDay) {
            cost += day.costNanoUsd();
            baseline += day.baselineNanoUsd();
            unpriced += day.unpriced();
            table.append("<tr><td>").append(day.keyId()).append("</td><td>").append(day.requests()).append("</td><td>")
                    .append(day.attempts()).append("</td><td>").append(Html.cost(day.costNanoUsd(), day.unpriced()))
                    .append("</td><td>").append(Html.usd(day.baselineNanoUsd())).append("</td><td>")
                    .append(Html.usd(day.baselineNanoUsd() - day.costNanoUsd())).append("</td></tr>");
        }
        table.append("</tbody></table>");
        Map<String, Object> option = Map.of("tooltip", Map.of("trigger", "axis"),
                "xAxis", Map.of("type", "category", "data", perDay.stream().map(Rollups.KeySpend::keyId).toList()),
                "yAxis", Map.of("type", "value", "name", "USD"),
                "series", List.of(Map.of("name", "spend", "type", "bar", "data", perDay.stream()
                        .map(d -> dev.gapwise.gateway.ledger.LedgerRow.usd(d.costNanoUsd()).doubleValue()).toList())));
        return "<section class=\"cards\"><div class=\"card\"><div class=\"label\">Your spend (USD)</div>"
                + "<div class=\"value\">" + Html.cost(cost, unpriced) + "</div></div><div class=\"card\"><div "
                + "class=\"label\">Saved against the baseline (USD)</div><div class=\"value\">" + Html.usd(baseline - cost)
                + "</div></div></section><section><h2>Your spend by day</h2>" + Html.chart("own-spend", "your spend by day",
                option) + table + "</section>";
    }
}
