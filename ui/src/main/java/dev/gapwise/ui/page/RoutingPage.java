package dev.gapwise.ui.page;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.routing.RouteDecision;
import dev.gapwise.routing.RouteRequest;
import dev.gapwise.ui.data.HourRange;
import dev.gapwise.ui.data.Rollups;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Routing: where each tier's traffic went (a tier → deployment flow), which source decided the tier (header,
 * metadata, key, rule, classifier, default), the most frequent route reasons, and what each tier's traffic would
 * have cost had another tier's rules chosen its deployment. Admins only.
 */
public final class RoutingPage {
    private RoutingPage() {
    }

    public static String render(Sources sources, PageRequest request) throws Exception {
        int days = request.days();
        HourRange range = HourRange.lastDays(request.now(), days);
        List<Rollups.TierFlow> flows;
        List<Rollups.RouteCount> routes;
        try (Connection connection = sources.connection()) {
            flows = dev.gapwise.ui.data.Cube.read(connection, range).flows();
            routes = Rollups.routes(connection, range, 2_000);
        }
        StringBuilder out = new StringBuilder(OverviewPage.rangePicker("/ui/routing", days));
        if (flows.isEmpty()) {
            out.append("<section class=\"empty\"><p>No routed traffic in the last ").append(days).append(" days. Each "
                    + "request's tier (and what decided it), the deployment chosen and why appear here once traffic "
                    + "flows; <code>gapwise route \"a prompt\"</code> explains a decision without sending one.</p>"
                    + "</section>");
            return Html.page("Routing", "/ui/routing", request.viewer(), out.toString());
        }
        out.append(flowChart(flows)).append(sources(routes)).append(reasons(routes)).append(whatIf(sources, flows));
        return Html.page("Routing", "/ui/routing", request.viewer(), out.toString());
    }

    private static String flowChart(List<Rollups.TierFlow> flows) {
        List<Object> nodes = new ArrayList<>();
        List<Object> links = new ArrayList<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        StringBuilder table = new StringBuilder("<table class=\"numbers\" id=\"flows\"><thead><tr><th>Tier</th><th>"
                + "Deployment</th><th>Requests</th><th>Attempts</th><th>Spend USD</th></tr></thead><tbody>");
        for (Rollups.TierFlow flow : flows) {
            names.add("tier " + flow.tier());
            names.add(flow.deployment());
            if (flow.attempts() > 0) {
                links.add(Map.of("source", "tier " + flow.tier(), "target", flow.deployment(), "value", flow.attempts()));
            }
            table.append("<tr><td>").append(Html.esc(flow.tier())).append("</td><td>").append(Html.esc(flow.deployment()))
                    .append("</td><td>").append(flow.requests()).append("</td><td>").append(flow.attempts())
                    .append("</td><td>").append(Html.cost(flow.costNanoUsd(), flow.unpriced())).append("</td></tr>");
        }
        names.forEach(name -> nodes.add(Map.of("name", name)));
        Map<String, Object> option = Map.of("tooltip", Map.of("trigger", "item"), "series", List.of(Map.of(
                "type", "sankey", "data", nodes, "links", links, "emphasis", Map.of("focus", "adjacency"))));
        return "<section><h2>Where each tier's traffic went (attempts)</h2>" + Html.chart("tier-flow",
                "tier to deployment flow", option) + "<details><summary>As a table</summary>" + table
                + "</tbody></table></details></section>";
    }

    private static String sources(List<Rollups.RouteCount> routes) {
        Map<String, Long> bySource = new TreeMap<>();
        Map<String, Long> byRequested = new TreeMap<>();
        long total = 0;
        for (Rollups.RouteCount route : routes) {
            bySource.merge(route.tierSource(), route.requests(), Long::sum);
            byRequested.merge(route.requested(), route.requests(), Long::sum);
            total += route.requests();
        }
        StringBuilder out = new StringBuilder("<section class=\"split\"><div><h2>Who decided the tier</h2><table "
                + "class=\"numbers\" id=\"tier-sources\"><thead><tr><th>Source</th><th>Requests</th><th>Share</th></tr>"
                + "</thead><tbody>");
        for (Map.Entry<String, Long> entry : bySource.entrySet()) {
            out.append("<tr><td>").append(Html.esc(entry.getKey())).append("</td><td>").append(entry.getValue())
                    .append("</td><td>").append(Html.percent(entry.getValue(), total)).append("</td></tr>");
        }
        out.append("</tbody></table><p class=\"note\">");
        long finalTotal = total;
        byRequested.forEach((kind, n) -> out.append(kind.equals("auto") ? "model auto (the policy chose): "
                : "a named model: ").append(n).append(" (").append(Html.percent(n, finalTotal)).append("); "));
        out.append("</p></div><div>").append(Html.chart("tier-source-chart", "share of requests by tier source",
                Map.of("tooltip", Map.of("trigger", "item"), "series", List.of(Map.of("type", "pie", "radius", "65%",
                        "data", bySource.entrySet().stream().map(e -> Map.of("name", e.getKey(), "value", e.getValue()))
                                .toList()))))).append("</div></section>");
        return out.toString();
    }

    private static String reasons(List<Rollups.RouteCount> routes) {
        StringBuilder out = new StringBuilder("<section><h2>The most frequent route decisions</h2><table class=\"numbers\""
                + " id=\"route-reasons\"><thead><tr><th>Requests</th><th>Tier</th><th>Decided by</th><th>Deployment</th>"
                + "<th>Reason</th></tr></thead><tbody>");
        routes.stream().limit(25).forEach(route -> out.append("<tr><td>").append(route.requests()).append("</td><td>")
                .append(Html.esc(route.tier())).append("</td><td>").append(Html.esc(route.tierSource())).append("</td><td>")
                .append(Html.esc(route.deployment())).append("</td><td class=\"reason\">").append(Html.esc(route.reason()))
                .append("</td></tr>"));
        return out.append("</tbody></table></section>").toString();
    }

    /** Each tier's tokens priced on the deployment each tier's rules choose first. */
    private static String whatIf(Sources sources, List<Rollups.TierFlow> flows) {
        if (sources.router().isEmpty()) {
            return "";
        }
        Map<String, long[]> tokens = new TreeMap<>();
        Map<String, long[]> actual = new TreeMap<>();
        for (Rollups.TierFlow flow : flows) {
            long[] t = tokens.computeIfAbsent(flow.tier(), k -> new long[2]);
            t[0] += flow.inputTokens();
            t[1] += flow.outputTokens();
            long[] a = actual.computeIfAbsent(flow.tier(), k -> new long[2]);
            a[0] += flow.costNanoUsd();
            a[1] += flow.unpriced();
        }
        Map<String, Optional<Deployment>> choice = new LinkedHashMap<>();
        for (String tier : sources.policy().tiers().keySet()) {
            RouteRequest probe = new RouteRequest("Reformat this list of names as CSV.", "", "", 1, false, "auto",
                    "/v1/chat/completions", Map.of(RouteRequest.TIER_HEADER, tier), Map.of(), Optional.empty(),
                    Optional.empty(), false);
            RouteDecision decision = sources.router().get().route(probe);
            // as the gateway orders them: deployments with a price first, those without one last
            choice.put(tier, decision.ordered().stream().filter(d -> !sources.gateway().unpriced().contains(d.id()))
                    .findFirst().or(decision::chosen));
        }
        StringBuilder out = new StringBuilder("<section><h2>Under another tier's rules</h2><p class=\"note\">Each row is "
                + "one tier's tokens over the range; each column prices them on the deployment that tier's rules choose "
                + "first for a routine, low-complexity request, priced deployments first as the gateway tries them "
                + "(list prices; the actual column is the ledger's). A lower "
                + "figure means that tier's rules are cheaper for this traffic, not that they are safe for it.</p><table "
                + "class=\"numbers\" id=\"what-if\"><thead><tr><th>Traffic of tier</th><th>Actual USD</th>");
        choice.forEach((tier, deployment) -> out.append("<th>as ").append(Html.esc(tier)).append(" (")
                .append(Html.esc(deployment.map(Deployment::id).orElse("nothing eligible"))).append(")</th>"));
        out.append("</tr></thead><tbody>");
        for (Map.Entry<String, long[]> entry : tokens.entrySet()) {
            long[] a = actual.get(entry.getKey());
            out.append("<tr><td>").append(Html.esc(entry.getKey())).append("</td><td>").append(Html.cost(a[0], a[1]))
                    .append("</td>");
            for (Optional<Deployment> deployment : choice.values()) {
                out.append("<td>").append(deployment.map(d -> sources.gateway().unpriced().contains(d.id())
                        ? "<span class=\"unpriced\">no price</span>"
                        : priced(d.price().cost(entry.getValue()[0], entry.getValue()[1]), a[0])).orElse("–"))
                        .append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table></section>").toString();
    }

    private static String priced(BigDecimal cost, long actualNanos) {
        BigDecimal difference = cost.subtract(dev.gapwise.gateway.ledger.LedgerRow.usd(actualNanos));
        return Html.usd(cost) + " (" + (difference.signum() >= 0 ? "+" : "") + Html.usd(difference) + ")";
    }
}
