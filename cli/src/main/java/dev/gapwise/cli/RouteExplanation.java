package dev.gapwise.cli;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.routing.Candidate;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.routing.RouteDecision;
import dev.gapwise.routing.RouteRequest;
import dev.gapwise.routing.classify.RiskClassifier;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link RouteDecision} for people (compact or verbose text) and programs (JSON), with the notes on what
 * was considered and the words that weighed most in the risk verdict.
 *
 * @param decision the decision
 * @param request  the request it was made for
 * @param notes    what the configuration left out and why, and other notes
 * @param words    the instruction words that weighed most in the risk verdict
 */
record RouteExplanation(RouteDecision decision, RouteRequest request, List<String> notes,
                        List<RiskClassifier.WordWeight> words) {

    /** The decision in a dozen lines. */
    String compact() {
        StringBuilder out = new StringBuilder();
        head(out);
        Candidate first = decision.chosen().flatMap(d -> decision.candidates().stream()
                .filter(c -> c.deployment().equals(d)).findFirst()).orElse(null);
        if (first != null) {
            out.append(String.format(Locale.ROOT, "Calls       %s  est. $%s  (%s; %d of %d eligible for %s; %s)%n",
                    first.deployment().id(), usd(first.estimatedCost()), decision.objective(), decision.ordered().size(),
                    decision.candidates().size(), decision.tier(), lag(first)));
            if (decision.ordered().size() > 1) {
                List<String> rest = decision.ordered().subList(1, decision.ordered().size()).stream().map(Deployment::id)
                        .toList();
                out.append("Fallbacks   ").append(String.join(", ", rest.subList(0, Math.min(4, rest.size()))))
                        .append(rest.size() > 4 ? " and " + (rest.size() - 4) + " more" : "").append('\n');
            }
        } else if (decision.candidates().isEmpty()) {
            out.append("Calls       nothing: this configuration can call no deployment; set a provider key ")
                    .append("(OPENAI_API_KEY, ANTHROPIC_API_KEY, DEEPSEEK_API_KEY, ...) or add one to gapwise.yaml; ")
                    .append("--all-deployments shows what the policy would choose among the catalog's\n");
        } else {
            out.append("Calls       nothing: no deployment this configuration can call satisfies tier ")
                    .append(decision.tier()).append(" (the gateway answers 503 no_deployment_available; --verbose "
                            + "shows why each was refused)\n");
        }
        baseline(out);
        if (!notes.isEmpty()) {
            out.append("Notes\n");
            notes.forEach(note -> out.append("  - ").append(note).append('\n'));
        }
        out.append("Header      x-gapwise-route-reason: ").append(decision.headerSummary()).append('\n');
        return out.toString();
    }

    /** Every candidate with its checks, and every reason. */
    String verbose() {
        StringBuilder out = new StringBuilder();
        head(out);
        out.append(String.format("Objective   %s%n", decision.objective()));
        out.append(String.format("Lags        %s%n%n", decision.candidates().stream().flatMap(c -> c.lag().stream())
                .findFirst().map(l -> l.method() + "; " + l.snapshot())
                .orElse("none known: tiers that cap the lag admit only deployments they allow with unknown lag")));
        out.append(String.format("Deployments (%d eligible of %d; [x] = eligible, # = order tried)%n",
                decision.ordered().size(), decision.candidates().size()));
        List<Candidate> sorted = new ArrayList<>(decision.candidates());
        sorted.sort(java.util.Comparator.comparingInt(this::rank).thenComparing(c -> c.deployment().id()));
        for (Candidate c : sorted) {
            int rank = rank(c);
            out.append(String.format("  %s %-3s %-34s %-14s $%s/$%s per 1M  est. $%s%n", c.eligible() ? "[x]" : "[ ]",
                    rank == Integer.MAX_VALUE ? "" : String.valueOf(rank + 1), c.deployment().id(), lag(c),
                    c.deployment().price().inputPerMillion().toPlainString(),
                    c.deployment().price().outputPerMillion().toPlainString(), usd(c.estimatedCost())));
            out.append("          ").append(c.checks().isEmpty() ? "no constraints in this tier"
                    : String.join("; ", c.checks())).append('\n');
        }
        out.append('\n');
        out.append(decision.chosen().map(d -> String.format("Choice      %s, est. $%s%n", d.id(),
                usd(decision.estimatedCost()))).orElse("Choice      none: no deployment satisfies the tier's rules\n"));
        baseline(out);
        out.append("\nReasons\n");
        decision.reasons().forEach(r -> out.append("  - ").append(r).append('\n'));
        if (!notes.isEmpty()) {
            out.append("Notes\n");
            notes.forEach(note -> out.append("  - ").append(note).append('\n'));
        }
        out.append("\nHeader      x-gapwise-route-reason: ").append(decision.headerSummary()).append('\n');
        return out.toString();
    }

    String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tier", decision.tier());
        root.put("tier_source", decision.tierSource().name().toLowerCase(Locale.ROOT));
        root.put("tier_reason", decision.tierReason());
        Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("high_stakes", decision.risk().highStakes());
        risk.put("domain", decision.risk().domain());
        risk.put("decided_by", decision.risk().decidedBy().name().toLowerCase(Locale.ROOT));
        risk.put("fast_probability", decision.risk().probability());
        risk.put("fast_threshold", decision.risk().threshold());
        risk.put("detail", decision.risk().detail());
        risk.put("reason", decision.risk().reason());
        risk.put("weightiest_words", words.stream().map(RiskClassifier.WordWeight::word).toList());
        root.put("risk", risk);
        root.put("complexity", decision.complexity().id());
        root.put("complexity_reason", decision.complexityReason());
        root.put("objective", decision.objective());
        root.put("input_tokens_estimated", decision.inputTokens());
        root.put("output_tokens_assumed", decision.outputTokens());
        root.put("chosen", decision.chosen().map(Deployment::id).orElse(null));
        root.put("order", decision.ordered().stream().map(Deployment::id).toList());
        root.put("estimated_cost_usd", decision.estimatedCost());
        root.put("baseline", decision.baseline().map(Deployment::id).orElse(null));
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
        root.put("notes", notes);
        root.put("header", decision.headerSummary());
        return new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    private void head(StringBuilder out) {
        String prompt = request.prompt().replace('\n', ' ');
        String shown = prompt.length() > 70 ? prompt.substring(0, 67) + "..." : prompt;
        out.append(String.format("Request     \"%s\" (~%d input tokens; %d output tokens assumed%s)%n", shown,
                decision.inputTokens(), decision.outputTokens(), request.expectedOutputTokens().isPresent()
                        ? ", from --max-tokens" : ", the policy's estimate"));
        out.append(String.format("Tier        %s  <- %s: %s%n", decision.tier(),
                decision.tierSource().name().toLowerCase(Locale.ROOT).replace('_', ' '), decision.tierReason()));
        if (!decision.tierReason().contains("risk gate")) {
            out.append("            risk gate: ").append(decision.risk().reason()).append('\n');
        }
        if (!words.isEmpty()) {
            out.append("            words that weighed most towards ")
                    .append(decision.risk().highStakes() ? decision.risk().domain() : "routine").append(": ")
                    .append(String.join(", ", words.stream().map(RiskClassifier.WordWeight::word).toList()))
                    .append('\n');
        }
        out.append(String.format("Complexity  %s  (%s)%n", decision.complexity().id(), decision.complexityReason()));
    }

    private void baseline(StringBuilder out) {
        if (decision.baseline().isPresent()) {
            BigDecimal baseline = decision.baselineCost().orElseThrow();
            String saving = baseline.signum() == 0 || decision.chosen().isEmpty() ? "" : String.format(Locale.ROOT,
                    " (this route costs %.1f %% of it)", 100 * decision.estimatedCost().doubleValue()
                            / baseline.doubleValue());
            out.append(String.format("Baseline    frontier %s, est. $%s%s%n", decision.baseline().get().id(),
                    usd(baseline), saving));
        } else if (decision.candidates().isEmpty()) {
            out.append("Baseline    none among the deployments considered (the notes name the gateway's)\n");
        } else {
            out.append("Baseline    unknown: no model has a lag number, so the frontier model is not known\n");
        }
    }

    private int rank(Candidate candidate) {
        int index = decision.ordered().indexOf(candidate.deployment());
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static String lag(Candidate candidate) {
        return candidate.lag().map(l -> String.format(Locale.ROOT, "lag %.1f mo", l.months())).orElse("lag unknown");
    }

    private static String usd(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }
}
