package dev.gapwise.cli;

import dev.gapwise.routing.Candidate;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.routing.RouteDecision;
import dev.gapwise.routing.RouteRequest;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link RouteDecision} for people (text) and programs (JSON). */
final class RouteExplanation {
    private RouteExplanation() {
    }

    static String text(RouteDecision decision, RouteRequest request) {
        StringBuilder out = new StringBuilder();
        String shown = request.prompt().length() > 70 ? request.prompt().substring(0, 67) + "..." : request.prompt();
        out.append(String.format("Request     \"%s\" (~%d input tokens; %d output tokens assumed%s)%n",
                shown.replace('\n', ' '), decision.inputTokens(), decision.outputTokens(),
                request.expectedOutputTokens().isPresent() ? ", from --max-tokens" : ", the policy's estimate"));
        out.append(String.format("Tier        %s  <- %s: %s%n", decision.tier(),
                decision.tierSource().name().toLowerCase().replace('_', ' '), decision.tierReason()));
        out.append(String.format("Complexity  %s  (%s)%n", decision.complexity().id(), decision.complexityReason()));
        out.append(String.format("Objective   %s%n", decision.objective()));
        out.append(String.format("Lags        %s%n%n", decision.candidates().stream().flatMap(c -> c.lag().stream())
                .findFirst().map(l -> l.method() + "; " + l.snapshot())
                .orElse("none known: tiers that cap the lag admit only deployments they allow with unknown lag")));
        out.append(String.format("Deployments (%d eligible of %d; [x] = eligible, # = order tried)%n",
                decision.ordered().size(), decision.candidates().size()));
        List<Candidate> sorted = new ArrayList<>(decision.candidates());
        sorted.sort(java.util.Comparator.comparingInt((Candidate c) -> rank(decision, c))
                .thenComparing(c -> c.deployment().id()));
        for (Candidate c : sorted) {
            int rank = rank(decision, c);
            out.append(String.format("  %s %-3s %-34s lag %-10s $%s/$%s per 1M  est. $%s%n", c.eligible() ? "[x]" : "[ ]",
                    rank == Integer.MAX_VALUE ? "" : String.valueOf(rank + 1), c.deployment().id(), lag(c),
                    c.deployment().price().inputPerMillion().toPlainString(),
                    c.deployment().price().outputPerMillion().toPlainString(), usd(c.estimatedCost())));
            out.append("          ").append(c.checks().isEmpty() ? "no constraints in this tier"
                    : String.join("; ", c.checks())).append('\n');
        }
        out.append('\n');
        if (decision.chosen().isPresent()) {
            out.append(String.format("Choice      %s, est. $%s%n", decision.chosen().get().id(),
                    usd(decision.estimatedCost())));
        } else {
            out.append("Choice      none: no deployment satisfies the tier's rules\n");
        }
        if (decision.baseline().isPresent()) {
            BigDecimal baseline = decision.baselineCost().orElseThrow();
            String saving = baseline.signum() == 0 || decision.chosen().isEmpty() ? "" : String.format(" (this route "
                    + "costs %.1f %% of it)", 100 * decision.estimatedCost().doubleValue() / baseline.doubleValue());
            out.append(String.format("Baseline    frontier %s, est. $%s%s%n", decision.baseline().get().id(),
                    usd(baseline), saving));
        } else {
            out.append("Baseline    unknown: no model has a lag number, so the frontier model is not known\n");
        }
        out.append("\nReasons\n");
        decision.reasons().forEach(r -> out.append("  - ").append(r).append('\n'));
        out.append("\nHeader      x-gapwise-route-reason: ").append(decision.headerSummary()).append('\n');
        return out.toString();
    }

    static String json(RouteDecision decision, RouteRequest request) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tier", decision.tier());
        root.put("tier_source", decision.tierSource().name().toLowerCase());
        root.put("tier_reason", decision.tierReason());
        root.put("complexity", decision.complexity().id());
        root.put("complexity_reason", decision.complexityReason());
        root.put("objective", decision.objective());
        root.put("input_tokens_estimated", decision.inputTokens());
        root.put("output_tokens_assumed", decision.outputTokens());
        root.put("chosen", decision.chosen().map(d -> d.id()).orElse(null));
        root.put("order", decision.ordered().stream().map(d -> d.id()).toList());
        root.put("estimated_cost_usd", decision.estimatedCost());
        root.put("baseline", decision.baseline().map(d -> d.id()).orElse(null));
        root.put("baseline_cost_usd", decision.baselineCost().orElse(null));
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Candidate c : decision.candidates()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("deployment", c.deployment().id());
            item.put("model", c.deployment().modelId());
            item.put("eligible", c.eligible());
            item.put("lag_months", c.lag().map(ModelLags.Lag::months).orElse(null));
            item.put("input_usd_per_mtok", c.deployment().price().inputPerMillion());
            item.put("output_usd_per_mtok", c.deployment().price().outputPerMillion());
            item.put("estimated_cost_usd", c.estimatedCost());
            item.put("checks", c.checks());
            candidates.add(item);
        }
        root.put("candidates", candidates);
        root.put("reasons", decision.reasons());
        root.put("header", decision.headerSummary());
        return new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    private static int rank(RouteDecision decision, Candidate candidate) {
        int index = decision.ordered().indexOf(candidate.deployment());
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static String lag(Candidate candidate) {
        return candidate.lag().map(l -> String.format("%.1f mo", l.months())).orElse("unknown");
    }

    private static String usd(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }
}
