package dev.gapwise.routing.policy;

import java.util.Objects;

/**
 * One tier: its name, eligibility and objective.
 *
 * @param name        e.g. {@code critical}
 * @param description one line for explanations
 * @param eligibility which deployments it may use
 * @param objective   how to order them
 */
public record TierPolicy(String name, String description, Eligibility eligibility, Objective objective) {
    public TierPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(objective, "objective");
    }
}
