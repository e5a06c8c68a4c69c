package dev.gapwise.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How often one deployment is tried before falling back to the next, and how long to wait between tries.
 *
 * @param attemptsPerDeployment tries per deployment, at least 1
 * @param baseDelay             the first backoff, doubled per retry and jittered
 * @param maxDelay              the longest wait, {@code Retry-After} included; a longer ask falls back instead
 */
public record RetryPolicy(int attemptsPerDeployment, Duration baseDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(5));

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (attemptsPerDeployment < 1) {
            throw new IllegalArgumentException("attemptsPerDeployment must be at least 1");
        }
    }
}
