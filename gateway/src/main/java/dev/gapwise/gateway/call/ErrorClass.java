package dev.gapwise.gateway.call;

/** Why an attempt failed, as written to the ledger and the metrics. */
public enum ErrorClass {
    /** The connection could not be opened. */
    CONNECT(true),
    /** No response headers within the first-byte timeout (not retried: the upstream may still be working). */
    FIRST_BYTE_TIMEOUT(false),
    /** The connection broke after the request was sent (not retried: it may have been processed). */
    IO(false),
    /** The attempt exceeded the total timeout. */
    TOTAL_TIMEOUT(false),
    /** 408 from upstream. */
    REQUEST_TIMEOUT(true),
    /** 429 from upstream. */
    RATE_LIMITED(true),
    /** 529 from upstream (Anthropic's "overloaded"). */
    OVERLOADED(true),
    /** Any other 5xx from upstream. */
    SERVER_ERROR(true),
    /** 401, 403 or 404 from upstream: this deployment cannot serve, another may. */
    UNAVAILABLE(false),
    /** Another 4xx: the request itself is wrong, no deployment would take it. */
    REJECTED(false),
    /** A 2xx whose body is not what the dialect promises. */
    BAD_RESPONSE(false),
    /** The upstream stream ended or broke before its final event. */
    STREAM_CUT(false),
    /** The client went away; the upstream call was cancelled. */
    CLIENT_CANCELLED(false),
    /** The gateway shut down while the attempt ran past the grace period; the upstream call was cancelled. */
    SHUTDOWN(false);

    private final boolean retryable;

    ErrorClass(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether the same deployment may be tried again. */
    public boolean retryable() {
        return retryable;
    }

    /** Whether a fallback to the next deployment makes sense. */
    public boolean fallsBack() {
        return this != REJECTED && this != CLIENT_CANCELLED && this != SHUTDOWN;
    }

    /** Classifies an upstream HTTP status (not 2xx). */
    public static ErrorClass ofStatus(int status) {
        return switch (status) {
            case 408 -> REQUEST_TIMEOUT;
            case 429 -> RATE_LIMITED;
            case 529 -> OVERLOADED;
            case 401, 403, 404 -> UNAVAILABLE;
            default -> status >= 500 ? SERVER_ERROR : REJECTED;
        };
    }

    /** The lower-case name used in the ledger and metrics. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
