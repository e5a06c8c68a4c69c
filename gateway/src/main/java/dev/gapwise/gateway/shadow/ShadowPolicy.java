package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.call.Target;
import dev.gapwise.gateway.config.ShadowConfig;
import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.policy.TierPolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a routed request is shadowed, and to which deployments: an excluded tier or key never is; else the first
 * rule matching its tier, task label and key decides, and the request is sampled when the first 8 hex digits of
 * SHA-256(request id), as a fraction of 2^32, fall below the rule's share (deterministic, so a request id always
 * gets the same answer). Of the rule's deployments, those the tier's jurisdiction rule forbids and the one that
 * served the request are left out. A pure function of its inputs; immutable and thread-safe.
 */
final class ShadowPolicy {
    private final ShadowConfig config;
    private final Policy policy;
    private final Map<String, Target> targets;

    /** {@code targets}: every deployment a rule names, already checked to be callable and priced. */
    ShadowPolicy(ShadowConfig config, Policy policy, Map<String, Target> targets) {
        this.config = config;
        this.policy = policy;
        this.targets = Map.copyOf(targets);
    }

    /** The decision for one request. */
    sealed interface Decision {
        /** Not shadowed, and why (for the debug log and tests). */
        record Skip(String reason) implements Decision {
        }

        /** Shadowed at {@code share} to {@code to}; {@code leftOut} names deployments left out and why. */
        record Shadow(double share, List<Target> to, List<String> leftOut) implements Decision {
            public Shadow {
                to = List.copyOf(to);
                leftOut = List.copyOf(leftOut);
            }
        }
    }

    Decision decide(ShadowFacts facts) {
        if (config.excludeTiers().contains(facts.tier())) {
            return new Decision.Skip("tier " + facts.tier() + " is excluded from shadowing");
        }
        Set<String> keys = config.excludeKeys();
        if (facts.keyName().map(keys::contains).orElse(false) || facts.keyId().map(keys::contains).orElse(false)) {
            return new Decision.Skip("the key is excluded from shadowing");
        }
        for (ShadowConfig.Rule rule : config.rules()) {
            if (rule.matches(facts.tier(), facts.task(), facts.keyName(), facts.keyId())) {
                if (draw(facts.requestId()) >= rule.sample()) {
                    return new Decision.Skip("not sampled (share " + rule.sample() + ")");
                }
                return allowed(rule, facts.tier());
            }
        }
        return new Decision.Skip("no shadow rule matches tier " + facts.tier() + ", task " + facts.task());
    }

    /** The rule's deployments the tier's jurisdiction rule allows. */
    private Decision allowed(ShadowConfig.Rule rule, String tier) {
        Set<String> jurisdictions = policy.tier(tier).map(TierPolicy::eligibility)
                .map(eligibility -> eligibility.jurisdictions()).orElse(Set.of());
        List<Target> to = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (String id : rule.to()) {
            Target target = targets.get(id);
            if (!jurisdictions.isEmpty() && !target.deployment().runsInOneOf(jurisdictions)) {
                leftOut.add(id + ": tier " + tier + " allows processing only in " + jurisdictions + ", it runs in "
                        + target.deployment().jurisdiction());
            } else {
                to.add(target);
            }
        }
        if (to.isEmpty()) {
            return new Decision.Skip("every shadow deployment is forbidden: " + String.join("; ", leftOut));
        }
        return new Decision.Shadow(rule.sample(), to, leftOut);
    }

    /** A number in [0, 1) fixed by the request id. */
    static double draw(String requestId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8));
            long value = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
            return value / 4294967296.0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
