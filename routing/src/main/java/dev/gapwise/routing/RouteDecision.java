package dev.gapwise.routing;

import dev.gapwise.catalog.Deployment;

import dev.gapwise.routing.classify.RiskAssessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A routing decision and everything that led to it. The gateway calls {@link #ordered()} in order (the first, then
 * fallbacks), writes {@link #reasons()} to the ledger and {@link #headerSummary()} to {@code x-gapwise-route-reason}.
 *
 * @param tier              the request's tier
 * @param tierSource        which source decided it
 * @param tierReason        why, e.g. "header x-gapwise-tier: critical" or "risk gate: legal (fast model: …)"
 * @param risk              the risk gate's verdict (computed whatever decided the tier)
 * @param complexity        the request's complexity
 * @param complexityReason  why, e.g. "text: low (0.97)"
 * @param objective         the tier's objective as applied, e.g. "cheapest eligible"
 * @param inputTokens       input tokens assumed for cost estimates (characters / 4)
 * @param outputTokens      output tokens assumed (the request's max_tokens, else the policy's estimate)
 * @param candidates        every deployment with its eligibility checks, cost estimate and lag
 * @param ordered           the eligible deployments in the order to try them
 * @param estimatedCost     estimated cost on the first choice (zero when none)
 * @param baseline          the frontier baseline deployment, when one is known
 * @param baselineCost      the same request's estimated cost on the baseline
 * @param reasons           the decision's reasons, one sentence each, in order
 */
public record RouteDecision(String tier, TierSource tierSource, String tierReason, RiskAssessment risk,
                            Complexity complexity,
                            String complexityReason, String objective, long inputTokens, long outputTokens,
                            List<Candidate> candidates,
                            List<Deployment> ordered, BigDecimal estimatedCost, Optional<Deployment> baseline,
                            Optional<BigDecimal> baselineCost, List<String> reasons) {
    public RouteDecision {
        candidates = List.copyOf(candidates);
        ordered = List.copyOf(ordered);
        reasons = List.copyOf(reasons);
    }

    /** The deployment to call first, or empty when the policy allows none. */
    public Optional<Deployment> chosen() {
        return ordered.isEmpty() ? Optional.empty() : Optional.of(ordered.getFirst());
    }

    /**
     * One ASCII line for the {@code x-gapwise-route-reason} header, e.g.
     * {@code tier=critical (classifier); complexity=medium; chose=gpt-4o@openai (cheapest eligible, 2 of 7 eligible)}.
     */
    public String headerSummary() {
        return headerSummary(chosen().map(Deployment::id).orElse("none"), ordered.size(), candidates.size());
    }

    /**
     * The same line with the choice stated by the caller, e.g. the gateway's first callable deployment and how many
     * of the deployments it can call were eligible. Built without formatting or patterns: it runs per request.
     */
    public String headerSummary(String choice, long eligible, long considered) {
        StringBuilder line = new StringBuilder(96 + choice.length() + objective.length())
                .append("tier=").append(tier).append(" (")
                .append(tierSource.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .append("); complexity=").append(complexity.id())
                .append("; chose=").append(choice).append(" (").append(objective).append(", ")
                .append(eligible).append(" of ").append(considered).append(" eligible)");
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                line.setCharAt(i, '?');
            }
        }
        return line.toString();
    }
}
