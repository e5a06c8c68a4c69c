package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.call.RateLimitStatus;
import dev.gapwise.gateway.dialect.WireDialect;
import org.eclipse.jetty.http.HttpFields;

import java.time.Instant;
import java.util.Optional;

/**
 * Writes a request's rate-limit levels as headers, on successes and refusals alike, in the names of the caller's
 * dialect ({@link dev.gapwise.gateway.dialect.DialectIngress#rateLimitHeaders}). Stateless.
 */
final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    static void write(RateLimitStatus status, WireDialect dialect, Instant now, HttpFields.Mutable headers) {
        write("requests", status.requests(), dialect, now, headers);
        write("tokens", status.tokens(), dialect, now, headers);
    }

    private static void write(String what, Optional<RateLimitStatus.Quota> quota, WireDialect dialect, Instant now,
                              HttpFields.Mutable headers) {
        quota.ifPresent(q -> dialect.ingress().rateLimitHeaders(what, q.limit(), q.remaining(), q.reset(), now, headers));
    }
}
