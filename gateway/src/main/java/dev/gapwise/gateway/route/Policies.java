package dev.gapwise.gateway.route;

import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.policy.TierPolicy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The policies the gateway derives from the configured one, without changing how tiers are resolved: the same
 * policy with the gateway's savings baseline, and the same policy with one tier planned under another tier's
 * eligibility and objective (a budget downgrade). The only place the gateway builds policy records. Pure.
 */
final class Policies {
    private Policies() {
    }

    /** {@code policy} with {@code baselineId} as the deployment the router states its baseline on. */
    static Policy withBaseline(Policy policy, Optional<String> baselineId) {
        return new Policy(policy.tiers(), policy.rules(), policy.highStakesTier(), policy.complexityTiers(),
                policy.defaultTier(), policy.expectedOutputTokens(), baselineId, policy.secondOpinion());
    }

    /**
     * {@code policy} where {@code tier} keeps its name (so requests still resolve to it, and the ledger says so)
     * but is planned with the eligibility and objective of {@code asTier}.
     */
    static Policy routedAs(Policy policy, String tier, String asTier) {
        TierPolicy original = policy.tier(tier).orElseThrow();
        TierPolicy rules = policy.tier(asTier).orElseThrow();
        Map<String, TierPolicy> tiers = new LinkedHashMap<>(policy.tiers());
        tiers.put(tier, new TierPolicy(original.name(), original.description() + " (planned as " + asTier + ")",
                rules.eligibility(), rules.objective()));
        return new Policy(tiers, policy.rules(), policy.highStakesTier(), policy.complexityTiers(), policy.defaultTier(),
                policy.expectedOutputTokens(), policy.baselineDeployment(), policy.secondOpinion());
    }
}
