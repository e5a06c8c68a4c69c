package dev.gapwise.gateway.route;

import java.util.Optional;

/** Decides which deployments may serve a request, best first. Implementations are pure and thread-safe. */
public interface RoutePlanner {
    /** The name clients send to let the gateway choose. */
    String AUTO = "auto";

    RoutePlan plan(RouteRequest request);

    /**
     * This planner with requests of {@code tier} planned under the eligibility and objective of {@code asTier}
     * (budget-aware routing); empty when the planner has no tiers to swap.
     */
    default Optional<RoutePlanner> routedAs(String tier, String asTier) {
        return Optional.empty();
    }
}
