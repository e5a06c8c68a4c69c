package dev.gapwise.gateway.call;

import dev.gapwise.gateway.config.RetryPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The wait before a retry: the upstream's {@code Retry-After} when it sends one, else jittered exponential. */
final class Backoff {
    private Backoff() {
    }

    /**
     * @param retry       1 for the first retry, 2 for the second, …
     * @param retryAfter  the upstream's {@code retry-after-ms} or {@code Retry-After} header value, if any
     * @return the wait, or empty when the upstream asks for longer than the policy allows (fall back instead)
     */
    static Optional<Duration> delay(RetryPolicy policy, int retry, Optional<Duration> retryAfter, Instant now) {
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(policy.maxDelay()) <= 0 ? retryAfter : Optional.empty();
        }
        long base = policy.baseDelay().toMillis() << Math.min(retry - 1, 16);
        long capped = Math.min(base, policy.maxDelay().toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Optional.of(Duration.ofMillis(jittered));
    }

    /** Parses {@code retry-after-ms} (milliseconds) or {@code Retry-After} (seconds or an HTTP date). */
    static Optional<Duration> retryAfter(String millis, String header, Instant now) {
        try {
            if (millis != null) {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.strip())));
            }
            if (header == null || header.isBlank()) {
                return Optional.empty();
            }
            String value = header.strip();
            if (value.chars().allMatch(Character::isDigit)) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
