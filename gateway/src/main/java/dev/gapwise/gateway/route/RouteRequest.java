package dev.gapwise.gateway.route;

import java.util.Objects;
import java.util.Optional;

/**
 * What routing may look at.
 *
 * @param model    the model the client asked for, or {@link RoutePlanner#AUTO}
 * @param tier     the risk tier declared by the caller's key or header, if any
 * @param hasTools whether the request declares tools
 */
public record RouteRequest(String model, Optional<String> tier, boolean hasTools) {
    public RouteRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tier, "tier");
    }
}
