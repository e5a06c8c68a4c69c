package dev.gapwise.gateway.ingress;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.call.RateLimitStatus;
import org.eclipse.jetty.http.HttpFields;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes a request's rate-limit levels as headers, on successes and refusals alike: {@code
 * x-ratelimit-{limit,remaining,reset}-{requests,tokens}} (the reset as a duration, {@code 1s}, {@code 6m0s}, {@code
 * 250ms}, as OpenAI writes it) and, on the Anthropic endpoint, {@code anthropic-ratelimit-*} as well (the reset as an
 * RFC 3339 instant). Stateless.
 */
final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    static void write(RateLimitStatus status, Dialect dialect, Instant now, HttpFields.Mutable headers) {
        write("requests", status.requests(), dialect, now, headers);
        write("tokens", status.tokens(), dialect, now, headers);
    }

    private static void write(String what, Optional<RateLimitStatus.Quota> quota, Dialect dialect, Instant now,
                              HttpFields.Mutable headers) {
        if (quota.isEmpty()) {
            return;
        }
        RateLimitStatus.Quota q = quota.get();
        headers.put("x-ratelimit-limit-" + what, Long.toString(q.limit()));
        headers.put("x-ratelimit-remaining-" + what, Long.toString(q.remaining()));
        headers.put("x-ratelimit-reset-" + what, duration(q.reset()));
        if (dialect == Dialect.ANTHROPIC) {
            headers.put("anthropic-ratelimit-" + what + "-limit", Long.toString(q.limit()));
            headers.put("anthropic-ratelimit-" + what + "-remaining", Long.toString(q.remaining()));
            headers.put("anthropic-ratelimit-" + what + "-reset",
                    now.plus(q.reset()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
    }

    /** A duration as OpenAI writes its resets: {@code 250ms}, {@code 1.5s}, {@code 6m0s}, {@code 2h0m0s}. */
    static String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1_000) {
            return millis + "ms";
        }
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        String seconds = java.math.BigDecimal.valueOf(millis % 60_000, 3).stripTrailingZeros().toPlainString();
        return (hours > 0 ? hours + "h" : "") + (hours > 0 || minutes > 0 ? minutes + "m" : "") + seconds + "s";
    }
}
