package dev.gapwise.ui.page;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.routing.FrontierLags;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.ui.data.Cube;
import dev.gapwise.ui.data.HourRange;
import dev.gapwise.ui.data.Rollups;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Deployments: each callable deployment with its price, processing region, the model's origin, its lag behind the
 * frontier and its health over the range (requests, error and fallback rates, latency and time-to-first-token
 * percentiles). Admins only.
 */
public final class DeploymentsPage {
    private DeploymentsPage() {
    }

    public static String render(Sources sources, PageRequest request) throws Exception {
        int days = request.days();
        HourRange range = HourRange.lastDays(request.now(), days);
        Map<String, Rollups.DeploymentTraffic> traffic = new HashMap<>();
        List<Rollups.DeploymentTraffic> all;
        Map<String, Long> errors;
        try (Connection connection = sources.connection()) {
            Cube cube = Cube.read(connection, range);
            all = Rollups.deployments(connection, range, cube);
            errors = cube.errors();
        }
        all.forEach(t -> traffic.put(t.deployment(), t));
        ModelLags lags = sources.gap().lags();
        Set<String> unpriced = sources.gateway().unpriced();
        StringBuilder out = new StringBuilder(OverviewPage.rangePicker("/ui/deployments", days));
        out.append("<table class=\"numbers\" id=\"deployments\"><thead><tr><th>Deployment</th><th>Model</th><th>Origin"
                + "</th><th>Runs in</th><th>Input $/M</th><th>Output $/M</th><th>Lag (months, ECI)</th><th>Requests</th>"
                + "<th>Error rate</th><th>Status</th></tr></thead><tbody>");
        List<Deployment> callable = sources.gateway().callable();
        for (Deployment deployment : callable) {
            var model = sources.catalog().datasets().stream().flatMap(d -> d.models().stream())
                    .filter(m -> m.id().equals(deployment.modelId())).findFirst();
            Rollups.DeploymentTraffic t = traffic.get(deployment.id());
            boolean noPrice = unpriced.contains(deployment.id());
            out.append("<tr><td>").append(Html.esc(deployment.id())).append("</td><td>")
                    .append(Html.esc(model.map(m -> m.name()).orElse(deployment.modelId()))).append("</td><td>")
                    .append(Html.esc(model.map(m -> String.join("/", m.countries()) + " " + m.access().name()
                            .toLowerCase(Locale.ROOT)).orElse("unknown"))).append("</td><td>")
                    .append(Html.esc(deployment.jurisdiction())).append("</td><td>")
                    .append(noPrice ? "<span class=\"unpriced\">no price</span>"
                            : deployment.price().inputPerMillion().toPlainString()).append("</td><td>")
                    .append(noPrice ? "<span class=\"unpriced\">no price</span>"
                            : deployment.price().outputPerMillion().toPlainString()).append("</td><td>")
                    .append(lags.lag(deployment.modelId(), "eci").map(l -> String.format(Locale.ROOT, "%.1f", l.months()))
                            .orElse("unknown")).append("</td><td>").append(t == null ? 0 : t.requests()).append("</td><td>")
                    .append(t == null ? "–" : Html.percent(t.failures(), t.attempts())).append("</td><td>")
                    .append(Html.esc(deployment.lifecycle().describe())).append("</td></tr>");
        }
        out.append("</tbody></table>");
        if (callable.isEmpty()) {
            out.append("<p class=\"empty\">The gateway can call no deployment now: set a provider key (OPENAI_API_KEY, "
                    + "DEEPSEEK_API_KEY, …) or run a local Ollama, then restart it.</p>");
        }
        out.append("<h2>Health</h2>").append(healthTable(all, errors));
        return Html.page("Deployments", "/ui/deployments", request.viewer(), out.toString());
    }

    /** Requests, error and fallback rates, latency and TTFT percentiles per deployment that served traffic. */
    static String healthTable(List<Rollups.DeploymentTraffic> traffic, Map<String, Long> errors) {
        StringBuilder out = new StringBuilder("<section><h2>Errors, fallbacks and latency by deployment</h2>"
                + "<table class=\"numbers\" id=\"health\"><thead><tr><th>Deployment</th><th>Attempts</th><th>Failed</th>"
                + "<th>Error rate</th><th>Fallback rate</th><th>p50</th><th>p95</th><th>p99</th><th>TTFT p50</th>"
                + "<th>TTFT p95</th><th>TTFT p99</th></tr></thead><tbody>");
        for (Rollups.DeploymentTraffic t : traffic) {
            out.append("<tr><td>").append(Html.esc(t.deployment())).append("</td><td>").append(t.attempts())
                    .append("</td><td>").append(t.failures()).append("</td><td>")
                    .append(Html.percent(t.failures(), t.attempts())).append("</td><td>")
                    .append(Html.percent(t.fellBack(), t.attempts())).append("</td><td>")
                    .append(Html.millis(t.latency().percentile(0.5))).append("</td><td>")
                    .append(Html.millis(t.latency().percentile(0.95))).append("</td><td>")
                    .append(Html.millis(t.latency().percentile(0.99))).append("</td><td>")
                    .append(Html.millis(t.ttft().percentile(0.5))).append("</td><td>")
                    .append(Html.millis(t.ttft().percentile(0.95))).append("</td><td>")
                    .append(Html.millis(t.ttft().percentile(0.99))).append("</td></tr>");
        }
        out.append("</tbody></table><p class=\"note\">Fallback rate: attempts on this deployment that were a request's "
                + "second try. Percentiles come from daily histograms whose buckets are at most 15 % wide: each is the floor of the bucket holding the exact percentile.");
        if (!errors.isEmpty()) {
            out.append(" Failures by class: ");
            errors.forEach((cls, n) -> out.append(Html.esc(cls)).append(" ").append(n).append("; "));
        }
        return out.append("</p></section>").toString();
    }
}
