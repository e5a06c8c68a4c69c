package dev.gapwise.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Upstream time limits.
 *
 * @param connect   to open a connection
 * @param firstByte from sending the request to the response headers (and, when streaming, its first event)
 * @param total     for the whole attempt, body or stream included
 */
public record Timeouts(Duration connect, Duration firstByte, Duration total) {
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60),
            Duration.ofMinutes(10));

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(firstByte, "firstByte");
        Objects.requireNonNull(total, "total");
    }
}
