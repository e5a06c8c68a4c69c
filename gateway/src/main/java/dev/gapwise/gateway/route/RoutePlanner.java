package dev.gapwise.gateway.route;

/** Decides which deployments may serve a request, best first. Implementations are pure and thread-safe. */
public interface RoutePlanner {
    /** The name clients send to let the gateway choose. */
    String AUTO = "auto";

    RoutePlan plan(RouteRequest request);
}
