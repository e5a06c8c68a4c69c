package dev.gapwise.gateway.route;

import dev.gapwise.catalog.Deployment;

import java.util.Objects;

/**
 * One deployment to try, with why it is in this place.
 *
 * @param deployment where to send the request
 * @param reason     short human-readable reason, also sent as {@code x-gapwise-route-reason}
 */
public record Candidate(Deployment deployment, String reason) {
    public Candidate {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(reason, "reason");
    }
}
