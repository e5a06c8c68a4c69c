package dev.gapwise.routing;

import dev.gapwise.routing.classify.ComplexityAssessment;
import dev.gapwise.routing.classify.RiskAssessment;
import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.policy.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides the tier: every source may raise a request, none may lower it. The sources that speak — the API key's
 * tier (a floor), the {@code x-gapwise-tier} header, the {@code gapwise_tier} metadata key, the first matching
 * policy rule, and the classifiers (high-stakes → the policy's high-stakes tier; otherwise a tier for the
 * complexity, if the policy maps one) — each name a tier, and the request gets the most protected of them in the
 * policy's tier order (tiers are listed most protected first). When none speaks, the policy's default applies.
 * The one exception is a key whose owner vouches for its traffic ({@code fixed}): its tier is final and the others
 * are only noted. A declared tier the policy does not define is ignored with a note (the gateway refuses such
 * requests before they get here).
 */
final class TierResolver {
    /**
     * The resolved tier.
     *
     * @param tier    the tier
     * @param source  which source named it (the first in the order above among those naming it)
     * @param reason  why, in words
     * @param floor   the key's tier when it was a floor, for eligibility (a raised request keeps its key's
     *                constraints)
     */
    record Resolution(String tier, TierSource source, String reason, Optional<String> floor) {
    }

    private record Vote(String tier, TierSource source, String why) {
    }

    private TierResolver() {
    }

    static Resolution resolve(Policy policy, RouteRequest request, RiskAssessment risk, ComplexityAssessment complexity,
                              List<String> notes) {
        Optional<RouteRequest.KeyTier> key = request.keyTier().filter(k -> defined(policy, k.tier(), "API key tier",
                notes));
        List<Vote> votes = new ArrayList<>();
        key.ifPresent(k -> votes.add(new Vote(k.tier(), TierSource.API_KEY, (k.fixed() ? "API key's fixed tier "
                : "API key's tier (a floor) ") + k.tier())));
        declared(policy, request.headers().get(RouteRequest.TIER_HEADER), "header " + RouteRequest.TIER_HEADER, notes)
                .ifPresent(tier -> votes.add(new Vote(tier, TierSource.HEADER,
                        "header " + RouteRequest.TIER_HEADER + ": " + tier)));
        declared(policy, request.metadata().get(RouteRequest.TIER_METADATA), "metadata " + RouteRequest.TIER_METADATA,
                notes).ifPresent(tier -> votes.add(new Vote(tier, TierSource.METADATA,
                        "metadata " + RouteRequest.TIER_METADATA + ": " + tier)));
        for (Rule rule : policy.rules()) {
            Optional<String> why = rule.match(request);
            if (why.isPresent()) {
                votes.add(new Vote(rule.tier(), TierSource.RULE, why.get()));
                break;
            }
        }
        if (risk.highStakes()) {
            votes.add(new Vote(policy.highStakesTier(), TierSource.CLASSIFIER, "risk gate: " + risk.reason()));
        } else {
            String byComplexity = policy.complexityTiers().get(complexity.complexity());
            if (byComplexity != null) {
                votes.add(new Vote(byComplexity, TierSource.CLASSIFIER, "risk gate: " + risk.reason() + "; complexity "
                        + complexity.complexity().id() + " maps to " + byComplexity));
            }
        }
        if (key.isPresent() && key.get().fixed()) {
            Vote fixed = votes.getFirst();
            for (Vote vote : votes.subList(1, votes.size())) {
                if (!vote.tier().equals(fixed.tier())) {
                    notes.add("note: " + vote.why() + " would make it " + vote.tier()
                            + ", but the key's tier is fixed (its owner vouches for its traffic)");
                }
            }
            return new Resolution(fixed.tier(), fixed.source(), fixed.why(), Optional.empty());
        }
        if (votes.isEmpty()) {
            return new Resolution(policy.defaultTier(), TierSource.DEFAULT, "policy default (risk gate: "
                    + risk.reason() + ", complexity " + complexity.complexity().id() + ")", Optional.empty());
        }
        Vote top = votes.stream().min(java.util.Comparator.comparingInt((Vote v) -> policy.rank(v.tier())))
                .orElseThrow();
        for (Vote vote : votes) {
            if (vote != top && policy.rank(vote.tier()) > policy.rank(top.tier())) {
                notes.add("note: " + vote.why() + " asked for " + vote.tier() + "; a request is never lowered, so "
                        + top.source().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " decides");
            }
        }
        String reason = top.why();
        if (key.isPresent() && !top.tier().equals(key.get().tier())) {
            reason += " (raised above the API key's tier " + key.get().tier() + ")";
        }
        return new Resolution(top.tier(), top.source(), reason, key.map(RouteRequest.KeyTier::tier)
                .filter(floor -> !floor.equals(top.tier())));
    }

    private static boolean defined(Policy policy, String tier, String what, List<String> notes) {
        if (policy.tier(tier).isEmpty()) {
            notes.add(what + " '" + tier + "' is not a tier of the policy; ignored (tiers: " + policy.tiers().keySet()
                    + ")");
            return false;
        }
        return true;
    }

    private static Optional<String> declared(Policy policy, String value, String what, List<String> notes) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String tier = value.strip();
        return defined(policy, tier, what + " names tier", notes) ? Optional.of(tier) : Optional.empty();
    }
}
