/**
 * The routing policy (the {@code policy:} part of {@code gapwise.yaml}): tiers with their eligibility rules and
 * objective, ordered tier rules, the classifier mapping and an explicit default. {@link
 * dev.gapwise.routing.policy.PolicyParser} turns a JSON tree into a validated, immutable {@link
 * dev.gapwise.routing.policy.Policy}; errors name the bad key and the fix.
 */
package dev.gapwise.routing.policy;
