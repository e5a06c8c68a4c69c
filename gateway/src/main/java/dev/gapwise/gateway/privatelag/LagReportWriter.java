package dev.gapwise.gateway.privatelag;

import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Writes a {@link LagReport} as text for people or as JSON. Stateless. */
public final class LagReportWriter {
    private LagReportWriter() {
    }

    public static String text(LagReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Private lag report, %s to %s (UTC days). Acceptance: the share of scored "
                        + "pairs whose cheaper answer was acceptable against the dearer one, with its 95 %% Wilson interval; "
                        + "a user's feedback on a served answer overrides the score. Threshold %.1f %%, at least %d pairs.%n",
                report.from(), report.to(), 100 * report.threshold(), report.minPairs()));
        if (report.lines().isEmpty()) {
            out.append("No scored shadow calls in this window: turn shadowing on (shadow: in gapwise.yaml) and let it "
                    + "run on traffic first.\n");
            return out.toString();
        }
        for (LagReport.Line line : report.lines()) {
            out.append('\n').append(String.format(Locale.ROOT, "task %s, tier %s: %s agrees with %s %s%s%n",
                    line.key().task(), line.key().tier(), line.key().candidate(), line.key().reference(),
                    line.acceptance(), line.fromFeedback() > 0 ? ", " + line.fromFeedback() + " from feedback" : ""));
            out.append(String.format(Locale.ROOT, "  cost per request: %s vs %s USD; about %.0f requests a month "
                            + "(%.1f %% sampled)%n", usd(line.candidateCost()), usd(line.referenceCost()),
                    line.requestsPerMonth(), 100 * line.sampledShare()));
            out.append(String.format(Locale.ROOT, "  switching would save %s USD a month (%s USD if the %.1f %% "
                            + "unacceptable answers were re-sent to %s)%n", usd(line.switchSavingPerMonth()),
                    usd(line.cascadeSavingPerMonth()), 100 * (1 - line.acceptance().value()), line.key().reference()));
            out.append("  public lag (" + report.lagIndex() + "): " + lag(line) + "\n");
            if (line.judgeCost().signum() > 0) {
                out.append("  judging these pairs cost " + Pricing.text(line.judgeCost()) + " USD\n");
            }
            out.append("  ").append(kind(line.recommendation())).append(": ").append(line.recommendation().text())
                    .append('\n');
        }
        return out.toString();
    }

    public static String json(LagReport report) {
        ObjectNode root = Json.object().put("from", report.from().toString()).put("to", report.to().toString())
                .put("threshold", report.threshold()).put("min_pairs", report.minPairs())
                .put("interval", "95 % Wilson score").put("lag_index", report.lagIndex());
        ArrayNode lines = root.putArray("lines");
        for (LagReport.Line line : report.lines()) {
            ObjectNode node = lines.addObject().put("task", line.key().task()).put("tier", line.key().tier())
                    .put("candidate", line.key().candidate()).put("candidate_model", line.candidateModel())
                    .put("reference", line.key().reference()).put("reference_model", line.referenceModel())
                    .put("pairs", line.acceptance().total()).put("acceptable", line.acceptance().successes())
                    .put("acceptance", line.acceptance().value()).put("lower", line.acceptance().lower())
                    .put("upper", line.acceptance().upper()).put("from_feedback", line.fromFeedback())
                    .put("requests_per_month", line.requestsPerMonth()).put("sampled_share", line.sampledShare())
                    .put("judge_cost_usd", line.judgeCost());
            putMoney(node, "candidate_cost_usd", line.candidateCost());
            putMoney(node, "reference_cost_usd", line.referenceCost());
            putMoney(node, "switch_saving_usd_per_month", line.switchSavingPerMonth());
            putMoney(node, "cascade_saving_usd_per_month", line.cascadeSavingPerMonth());
            putLag(node, "candidate_lag_months", line.candidateLag());
            putLag(node, "reference_lag_months", line.referenceLag());
            node.putObject("recommendation").put("kind", kind(line.recommendation()))
                    .put("text", line.recommendation().text());
        }
        return Json.write(root);
    }

    private static String kind(LagReport.Recommendation recommendation) {
        return switch (recommendation) {
            case LagReport.Recommendation.Switch s -> "switch";
            case LagReport.Recommendation.Keep k -> "keep";
            case LagReport.Recommendation.Review r -> "review";
        };
    }

    private static String lag(LagReport.Line line) {
        if (line.candidateLag().isEmpty() || line.referenceLag().isEmpty()) {
            return "unknown (" + (line.candidateLag().isEmpty() ? line.candidateModel() : line.referenceModel())
                    + " has no lag in the catalog)";
        }
        double behind = line.candidateLag().getAsDouble() - line.referenceLag().getAsDouble();
        return String.format(Locale.ROOT, "%s trails the frontier by %.1f months, %s by %.1f: %.1f months behind it",
                line.candidateModel(), line.candidateLag().getAsDouble(), line.referenceModel(),
                line.referenceLag().getAsDouble(), behind);
    }

    private static String usd(Optional<BigDecimal> amount) {
        return amount.map(Pricing::text).orElse("unknown");
    }

    private static void putMoney(ObjectNode node, String field, Optional<BigDecimal> amount) {
        if (amount.isPresent()) {
            node.put(field, amount.get());
        } else {
            node.putNull(field);
        }
    }

    private static void putLag(ObjectNode node, String field, OptionalDouble months) {
        if (months.isPresent()) {
            node.put(field, months.getAsDouble());
        } else {
            node.putNull(field);
        }
    }
}
