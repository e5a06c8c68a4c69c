package dev.gapwise.gateway.call;

/**
 * Every way a request can fail, as a value. The HTTP edge has one exhaustive {@code switch} over this type that
 * picks the status and writes the error body in the caller's dialect.
 */
public sealed interface Failure {
    /** A human-readable message; never contains a key. */
    String message();

    /** Malformed JSON, wrong types, missing fields, invalid UTF-8. */
    record BadRequest(String message) implements Failure {
    }

    /** A missing, unknown or revoked virtual key (never echoed back). */
    record Unauthorized(String message) implements Failure {
    }

    /** The path exists but not with this method. */
    record MethodNotAllowed(String message) implements Failure {
    }

    /** The path does not exist. */
    record NotFound(String message) implements Failure {
    }

    /** The client named a model no deployment serves. */
    record UnknownModel(String model) implements Failure {
        @Override
        public String message() {
            return "model '" + model + "' is not served by this gateway; GET /v1/models lists the models, "
                    + "or send \"auto\" to let the gateway choose";
        }
    }

    /** The body is larger than the configured limit. */
    record BodyTooLarge(int limitBytes) implements Failure {
        @Override
        public String message() {
            return "request body exceeds " + limitBytes + " bytes (server.max_body_bytes)";
        }
    }

    /** The body was not sent as {@code application/json}. */
    record UnsupportedMediaType(String message) implements Failure {
    }

    /** The body did not arrive within the read deadline. */
    record BodyTimeout(long limitMillis) implements Failure {
        @Override
        public String message() {
            return "the request body did not arrive within " + limitMillis + " ms (server.body_timeout)";
        }
    }

    /** The gateway holds as many request bodies as its memory bound allows; retry shortly. */
    record Overloaded(String message) implements Failure {
    }

    /** Keys cannot be checked (their database has not answered since start): refused, failing closed. */
    record KeysUnavailable(String message) implements Failure {
    }

    /** The gateway is shutting down: it takes no new request, and ends those that outlive the grace period. */
    record ShuttingDown() implements Failure {
        @Override
        public String message() {
            return "the gateway is shutting down; retry on another instance or shortly";
        }
    }

    /** The request needs a key with more rights (the admin key). */
    record Forbidden(String message) implements Failure {
    }

    /** The HTTP layer refused the request before it reached an endpoint (header too large, bad URI, …). */
    record Protocol(int status, String message) implements Failure {
    }

    /** The policy does not let this request's tier use the model it asked for. */
    record NotAllowed(String message) implements Failure {
    }

    /** No deployment can be called at all. */
    record NoDeployment(String message) implements Failure {
    }

    /**
     * A rate limit has no room now: transient, retry after {@code retryAfter} (429, {@code x-should-retry: true}).
     */
    record Throttled(String message, java.time.Duration retryAfter, RateLimitStatus limits) implements Failure {
    }

    /**
     * A budget is spent: terminal until its window resets (429, {@code x-should-retry: false}, {@code Retry-After}
     * to the reset), with the budget's structured fields.
     */
    record BudgetSpent(String message, BudgetStop budget) implements Failure {
    }

    /** The request alone is larger than a whole rate limit: it can never fit (429, not retryable). */
    record OverLimit(String message) implements Failure {
    }

    /**
     * A hard budget applies but cannot be checked (the shared counters are unreachable): refused, failing closed
     * (503, retryable shortly).
     */
    record SpendUnavailable(String message) implements Failure {
    }

    /** A budget applies but no candidate has a price, so the cost cannot be estimated (403). */
    record Unpriced(String message) implements Failure {
    }

    /** Every candidate failed; {@code status} is the last upstream HTTP status, 0 if none. */
    record Upstream(ErrorClass errorClass, int status, String message, java.util.Optional<Boolean> shouldRetry)
            implements Failure {
        /** A failure the upstream said nothing about retrying. */
        public Upstream(ErrorClass errorClass, int status, String message) {
            this(errorClass, status, message, java.util.Optional.empty());
        }
    }

    /** A bug in the gateway. */
    record Internal(String message) implements Failure {
    }
}
