package dev.gapwise.routing.policy;

import dev.gapwise.routing.Complexity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated routing policy. Immutable and thread-safe.
 *
 * @param tiers                 tiers by name, in declaration order: the most protected first (a request is raised
 *                              towards the front of this order, never lowered)
 * @param rules                 ordered rules, first match wins
 * @param highStakesTier        the tier when the risk classifier flags a request
 * @param complexityTiers       tiers by classified complexity, when the request is not high-stakes (may be partial)
 * @param defaultTier           the explicit default
 * @param expectedOutputTokens  output tokens assumed for cost estimates when the request does not say
 * @param baselineDeployment    the deployment whose cost is the "frontier baseline" (empty: the eligible-anywhere
 *                              deployment with the smallest lag, cheapest among equals)
 * @param secondOpinion         whether the risk gate asks the sentence-embedding second opinion when its fast model
 *                              is unsure ({@code classifier.second_opinion: embedding}, the default) or not
 *                              ({@code none})
 */
public record Policy(Map<String, TierPolicy> tiers, List<Rule> rules, String highStakesTier,
                     Map<Complexity, String> complexityTiers, String defaultTier, long expectedOutputTokens,
                     Optional<String> baselineDeployment, boolean secondOpinion) {
    public Policy {
        tiers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tiers));
        rules = List.copyOf(rules);
        Objects.requireNonNull(highStakesTier, "highStakesTier");
        complexityTiers = Map.copyOf(complexityTiers);
        Objects.requireNonNull(defaultTier, "defaultTier");
        Objects.requireNonNull(baselineDeployment, "baselineDeployment");
    }

    /** A tier by name. */
    public Optional<TierPolicy> tier(String name) {
        return Optional.ofNullable(tiers.get(name));
    }

    /** A tier's place in the order, 0 = the most protected; an unknown tier ranks after every tier. */
    public int rank(String tier) {
        int rank = 0;
        for (String name : tiers.keySet()) {
            if (name.equals(tier)) {
                return rank;
            }
            rank++;
        }
        return rank;
    }

    /** The built-in default policy (critical / elevated / routine), from the jar. */
    public static Policy builtIn() {
        return PolicyParser.builtIn();
    }
}
