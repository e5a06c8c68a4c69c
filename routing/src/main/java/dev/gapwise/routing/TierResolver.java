package dev.gapwise.routing;

import dev.gapwise.routing.classify.ComplexityAssessment;
import dev.gapwise.routing.classify.RiskAssessment;
import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.policy.Rule;

import java.util.List;
import java.util.Optional;

/**
 * Decides the tier from the first source that speaks: header, metadata, API key default, ordered rules, the
 * classifiers (high-stakes → the policy's high-stakes tier; else a tier for the complexity, if the policy maps
 * one), then the explicit default. A declared tier the policy does not define is ignored with a reason.
 */
final class TierResolver {
    /** The resolved tier. */
    record Resolution(String tier, TierSource source, String reason) {
    }

    private TierResolver() {
    }

    static Resolution resolve(Policy policy, RouteRequest request, RiskAssessment risk, ComplexityAssessment complexity,
                              List<String> notes) {
        Optional<Resolution> declared = declared(policy, request.headers().get(RouteRequest.TIER_HEADER),
                TierSource.HEADER, "header " + RouteRequest.TIER_HEADER, notes)
                .or(() -> declared(policy, request.metadata().get(RouteRequest.TIER_METADATA), TierSource.METADATA,
                        "metadata " + RouteRequest.TIER_METADATA, notes))
                .or(() -> declared(policy, request.apiKeyTier().orElse(null), TierSource.API_KEY,
                        "API key default", notes));
        if (declared.isPresent()) {
            return declared.get();
        }
        for (Rule rule : policy.rules()) {
            Optional<String> why = rule.match(request);
            if (why.isPresent()) {
                return new Resolution(rule.tier(), TierSource.RULE, why.get());
            }
        }
        if (risk.highStakes()) {
            return new Resolution(policy.highStakesTier(), TierSource.CLASSIFIER, "risk gate: " + risk.reason());
        }
        String byComplexity = policy.complexityTiers().get(complexity.complexity());
        if (byComplexity != null) {
            return new Resolution(byComplexity, TierSource.CLASSIFIER, "risk gate: " + risk.reason()
                    + "; complexity " + complexity.complexity().id());
        }
        return new Resolution(policy.defaultTier(), TierSource.DEFAULT, "policy default (risk gate: " + risk.reason()
                + ", complexity " + complexity.complexity().id() + ")");
    }

    private static Optional<Resolution> declared(Policy policy, String value, TierSource source, String what,
                                                 List<String> notes) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String tier = value.strip();
        if (policy.tier(tier).isEmpty()) {
            notes.add(what + " names tier '" + tier + "', which the policy does not define; ignored (tiers: "
                    + policy.tiers().keySet() + ")");
            return Optional.empty();
        }
        return Optional.of(new Resolution(tier, source, what + ": " + tier));
    }
}
