package dev.gapwise.gateway.call;

import dev.gapwise.gateway.dialect.neutral.Usage;
import dev.gapwise.catalog.Deployment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One try of one deployment: what the ledger stores, one row each, fallbacks and retries included.
 *
 * @param context      the request it belongs to
 * @param number       1 for the first attempt of the request, then 2, 3, …
 * @param deployment   where it was sent
 * @param reason       why this deployment (routing reason, or "retry 2" / "fallback")
 * @param startedAt    when it was sent
 * @param status       the upstream HTTP status, or 0 when none arrived
 * @param error        why it failed; empty on success
 * @param usage        tokens, as reported or estimated
 * @param latencyNanos from sending to the last byte (or the failure)
 * @param firstTokenNanos from sending to the first streamed event; -1 when not streamed or none arrived
 */
public record Attempt(RequestContext context, int number, Deployment deployment, String reason, Instant startedAt,
                      int status, Optional<ErrorClass> error, Usage usage, long latencyNanos, long firstTokenNanos) {
    public Attempt {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(usage, "usage");
    }

    /** Collects an attempt's timings while it runs. Not thread-safe. */
    static final class Builder {
        private final RequestContext context;
        private final int number;
        private final Deployment deployment;
        private final String reason;
        private final Instant startedAt;
        private final long sentNanos;
        private long firstTokenNanos = -1;

        Builder(RequestContext context, int number, Deployment deployment, String reason, Instant startedAt,
                long sentNanos) {
            this.context = context;
            this.number = number;
            this.deployment = deployment;
            this.reason = reason;
            this.startedAt = startedAt;
            this.sentNanos = sentNanos;
        }

        long elapsed() {
            return System.nanoTime() - sentNanos;
        }

        void firstToken() {
            if (firstTokenNanos < 0) {
                firstTokenNanos = elapsed();
            }
        }

        Attempt succeeded(int status, Usage usage) {
            return new Attempt(context, number, deployment, reason, startedAt, status, Optional.empty(), usage,
                    elapsed(), firstTokenNanos);
        }

        Attempt failed(int status, ErrorClass error, Usage usage) {
            return new Attempt(context, number, deployment, reason, startedAt, status, Optional.of(error), usage,
                    elapsed(), firstTokenNanos);
        }
    }
}
