package dev.gapwise.gateway.spend;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A rate limit: at most {@code amount} requests (or tokens) per {@code period} for a key, a team or a deployment.
 * Enforced as a generic cell rate (GCRA): the whole amount may be used at once, and it refills continuously, one
 * unit every {@code period / amount}.
 *
 * @param scope   whose traffic it counts
 * @param subject the key id, team name or deployment id
 * @param metric  requests or tokens
 * @param amount  how many per period, at least 1
 * @param period  the period, at least a second
 */
public record RateLimit(Scope scope, String subject, Metric metric, long amount, Duration period) {
    /** What a rate limit counts. */
    public enum Metric {
        REQUESTS, TOKENS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RateLimit {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(period, "period");
        if (amount < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1 per period");
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a rate limit's period is at least a second");
        }
    }

    /** The counter's name: the same limit on every instance shares it. */
    public String counter() {
        return "rl:" + scope.id() + ":" + subject + ":" + metric.id() + ":" + period.toSeconds();
    }

    /** Microseconds between two units once the burst is used. */
    public double emissionMicros() {
        return period.toNanos() / 1_000.0 / amount;
    }

    /** e.g. {@code 60 requests per 1m}. */
    public String describe() {
        return amount + " " + metric.id() + " per " + SpendSpecs.period(period);
    }
}
