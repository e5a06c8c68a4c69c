package dev.gapwise.ui.page;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gap.Group;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.analysis.GapReport;
import dev.gapwise.gap.matrix.Quadrant;
import dev.gapwise.gap.matrix.QuadrantMatrix;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.Method;
import dev.gapwise.gap.report.Format;
import dev.gapwise.gap.report.Headline;
import dev.gapwise.routing.FrontierLags;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.policy.TierPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gap: the figures of {@code gapwise gap} (the headline, each method's lag with its spread, the data snapshot),
 * the frontier chart with catch-up arrows and the lag-over-time chart for each group pair (hover a point to see the
 * model), the four frontiers of the 2×2 (US/China × closed/open), and which callable deployments each tier's lag
 * rule lets in.
 */
public final class GapPage {
    private GapPage() {
    }

    public static String render(Sources sources, PageRequest request) {
        Policy policy = sources.policy();
        StringBuilder body = new StringBuilder();
        switch (sources.gap().get()) {
            case GapFigures.Result.Unanswerable(String why) -> body.append("<section class=\"empty\"><p>No gap figures: ")
                    .append(Html.esc(why)).append(". Import data with <code>gapwise import DIR</code>.</p></section>");
            case GapFigures.Result.Ready(GapReport report, QuadrantMatrix.Report matrix) -> {
                body.append("<p class=\"note\">The same figures as <code>gapwise gap</code>: ")
                        .append(Html.esc(report.benchmark().displayName())).append(", data snapshot <strong>")
                        .append(Html.esc(report.snapshot().label())).append("</strong>, scores as of ")
                        .append(report.series().asOf()).append(".</p>");
                for (GapReport.Section section : report.sections()) {
                    body.append(section(report, section));
                }
                body.append(matrix(report, matrix));
            }
        }
        body.append(eligibility(sources, policy));
        return Html.page("The gap", "/ui/gap", request.viewer(), body.toString());
    }

    private static String section(GapReport report, GapReport.Section section) {
        String id = section.comparison().id();
        StringBuilder out = new StringBuilder("<section class=\"gap-section\" id=\"" + Html.esc(id) + "\"><h2>"
                + Html.esc(section.comparison().label()) + "</h2><p class=\"headline\">"
                + Html.esc(Headline.of(report, section)) + "</p><table class=\"numbers lags\"><thead><tr><th>Method</th>"
                + "<th>Lag (months)</th><th>Spread</th><th>Statistic</th></tr></thead><tbody>");
        for (LagResult lag : section.lags()) {
            out.append("<tr><td>").append(Html.esc(lag.method().title()))
                    .append("</td><td>").append(lag.months().isPresent()
                            ? String.format(Locale.ROOT, "%.1f", lag.months().getAsDouble())
                            : "<span class=\"na\">" + Html.esc(lag.notes().isEmpty() ? "the data cannot support it"
                            : String.join("; ", lag.notes())) + "</span>")
                    .append("</td><td>").append(Html.esc(Format.spread(lag))).append("</td><td>")
                    .append(Html.esc(lag.statistic())).append("</td></tr>");
        }
        out.append("</tbody></table>");
        out.append(Html.chart(id + "-frontiers", "frontiers of " + section.comparison().label(), frontiers(report,
                section)));
        section.lags().stream().filter(l -> l.method() == Method.BACKWARD_LAG && !l.curve().isEmpty()).findFirst()
                .ifPresent(backward -> out.append(Html.chart(id + "-lag", "lag over time of "
                        + section.comparison().label(), lagOverTime(section, backward))));
        return out.append("</section>").toString();
    }

    private static List<Object> points(List<Observation> observations) {
        List<Object> points = new ArrayList<>();
        for (Observation o : observations) {
            points.add(Map.of("name", o.name(), "value", List.of(o.date().toString(), o.value())));
        }
        return points;
    }

    private static Map<String, Object> frontiers(GapReport report, GapReport.Section section) {
        Group leader = section.comparison().leader();
        Group follower = section.comparison().follower();
        List<Object> series = new ArrayList<>();
        series.add(Map.of("name", leader.label() + " frontier", "type", "line", "step", "end", "symbolSize", 7,
                "data", points(report.series().frontier(leader).records())));
        series.add(Map.of("name", follower.label() + " frontier", "type", "line", "step", "end", "symbolSize", 7,
                "data", points(report.series().frontier(follower).records())));
        series.add(Map.of("name", leader.label() + " models", "type", "scatter", "symbolSize", 5,
                "itemStyle", Map.of("opacity", 0.35), "data", points(report.series().of(leader))));
        series.add(Map.of("name", follower.label() + " models", "type", "scatter", "symbolSize", 5,
                "itemStyle", Map.of("opacity", 0.35), "data", points(report.series().of(follower))));
        List<Object> arrows = new ArrayList<>();
        section.lags().stream().filter(l -> l.method() == Method.DISCRETE_CATCH_UP).findFirst().ifPresent(lag ->
                lag.events().forEach(event -> arrows.add(List.of(
                        Map.of("coord", List.of(event.leader().date().toString(), event.leader().value()),
                                "name", event.follower().name() + " caught " + event.leader().name() + " after "
                                        + String.format(Locale.ROOT, "%.1f", event.months()) + " months"),
                        Map.of("coord", List.of(event.follower().date().toString(), event.follower().value()))))));
        series.add(Map.of("name", "catch-ups (method a)", "type", "line", "data", List.of(),
                "markLine", Map.of("symbol", List.of("none", "arrow"), "lineStyle", Map.of("type", "dashed"),
                        "label", Map.of("show", false), "data", arrows)));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", section.comparison().label() + " — " + report.benchmark().displayName(),
                "subtext", "frontier = best score released so far; arrows = catch-ups; data: "
                        + report.snapshot().label()));
        option.put("tooltip", Map.of("trigger", "item", "showName", true));
        option.put("legend", Map.of("top", 50));
        option.put("grid", Map.of("top", 100));
        option.put("xAxis", Map.of("type", "time", "name", "release date"));
        option.put("yAxis", Map.of("type", "value", "scale", true, "name", report.benchmark().displayName()));
        option.put("series", series);
        return option;
    }

    private static Map<String, Object> lagOverTime(GapReport.Section section, LagResult backward) {
        List<Object> daily = new ArrayList<>();
        for (LagResult.Point point : backward.curve()) {
            daily.add(List.of(point.date().toString(), Math.round(point.months() * 10) / 10.0));
        }
        List<Object> halfYears = new ArrayList<>();
        section.trend().forEach(window -> window.months().ifPresent(months -> {
            halfYears.add(Map.of("name", window.label(), "value", List.of(window.from().toString(), months)));
            halfYears.add(Map.of("name", window.label(), "value", List.of(window.to().toString(), months)));
        }));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", section.comparison().label() + " — lag over time (method d)"));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 30));
        option.put("xAxis", Map.of("type", "time"));
        option.put("yAxis", Map.of("type", "value", "name", "months behind"));
        option.put("series", List.of(Map.of("name", "daily lag", "type", "line", "showSymbol", false, "data", daily),
                Map.of("name", "half-year mean", "type", "line", "data", halfYears)));
        return option;
    }

    private static String matrix(GapReport report, QuadrantMatrix.Report matrix) {
        StringBuilder out = new StringBuilder("<section id=\"matrix\"><h2>The four frontiers: US / China × closed / "
                + "open</h2><table class=\"matrix\"><thead><tr><th></th><th>closed</th><th>open</th></tr></thead><tbody>");
        for (String country : List.of("US", "China")) {
            out.append("<tr><th>").append(country).append("</th>");
            for (Quadrant quadrant : country.equals("US") ? List.of(Quadrant.US_CLOSED, Quadrant.US_OPEN)
                    : List.of(Quadrant.CHINA_CLOSED, Quadrant.CHINA_OPEN)) {
                QuadrantMatrix.Pair overall = matrix.overall(quadrant);
                out.append("<td><strong>").append(Html.esc(quadrant.label())).append("</strong><br>")
                        .append(matrix.models().getOrDefault(quadrant, 0)).append(" models; best: ")
                        .append(Html.esc(matrix.best().getOrDefault(quadrant, Optional.empty()).map(Observation::name)
                                .orElse("none"))).append("<br>behind the overall frontier: ")
                        .append(overall.now().isPresent() ? String.format(Locale.ROOT, "%.1f months (method d)",
                                overall.now().getAsDouble()) : "no number").append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        List<Object> series = new ArrayList<>();
        for (Quadrant quadrant : Quadrant.values()) {
            series.add(Map.of("name", quadrant.label(), "type", "line", "step", "end", "symbolSize", 6,
                    "data", points(report.series().frontier(quadrant.group()).records())));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", "Four frontiers — " + report.benchmark().displayName()));
        option.put("tooltip", Map.of("trigger", "item", "showName", true));
        option.put("legend", Map.of("top", 30));
        option.put("xAxis", Map.of("type", "time", "name", "release date"));
        option.put("yAxis", Map.of("type", "value", "scale", true));
        option.put("series", series);
        return out.append(Html.chart("matrix-frontiers", "the four frontiers", option)).append("</section>").toString();
    }

    /** Per tier with a lag rule: the callable deployments whose model's lag passes it, and those it keeps out. */
    private static String eligibility(Sources sources, Policy policy) {
        ModelLags lags = sources.gap().lags();
        StringBuilder out = new StringBuilder("<section id=\"eligibility\"><h2>What each tier's lag rule lets in</h2>"
                + "<table class=\"numbers\"><thead><tr><th>Tier</th><th>Max lag</th><th>Eligible by lag</th><th>Kept out "
                + "by lag</th></tr></thead><tbody>");
        List<Deployment> callable = sources.gateway().callable();
        for (Map.Entry<String, TierPolicy> entry : policy.tiers().entrySet()) {
            TierPolicy tier = entry.getValue();
            if (tier.eligibility().maxLagMonths().isEmpty()) {
                out.append("<tr><td>").append(Html.esc(entry.getKey())).append("</td><td>no lag rule</td><td colspan=\"2\">"
                        + "every callable deployment, as far as lag goes</td></tr>");
                continue;
            }
            double max = tier.eligibility().maxLagMonths().getAsDouble();
            String index = tier.eligibility().lagIndex();
            List<String> in = new ArrayList<>();
            List<String> out2 = new ArrayList<>();
            for (Deployment deployment : callable) {
                Optional<ModelLags.Lag> lag = lags.lag(deployment.modelId(), index);
                String label = deployment.id() + lag.map(l -> String.format(Locale.ROOT, " (%.1f)", l.months()))
                        .orElse(" (lag unknown)");
                boolean passes = lag.map(l -> l.months() <= max).orElse(tier.eligibility().allowUnknownLag());
                (passes ? in : out2).add(label);
            }
            out.append("<tr><td>").append(Html.esc(entry.getKey())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f months on %s", max, Html.esc(index))).append("</td><td>")
                    .append(in.isEmpty() ? "none" : Html.esc(String.join(", ", in))).append("</td><td>")
                    .append(out2.isEmpty() ? "none" : Html.esc(String.join(", ", out2))).append("</td></tr>");
        }
        out.append("</tbody></table><p class=\"note\">Lags: ").append(Html.esc(FrontierLags.METHOD))
                .append(". Other rules of a tier (access, origin, jurisdiction, price) may still keep a deployment out;"
                        + " <code>gapwise route</code> explains one request.")
                .append(callable.isEmpty() ? " The gateway can call no deployment now." : "").append("</p></section>");
        return out.toString();
    }
}
