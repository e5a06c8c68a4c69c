package dev.gapwise.gateway.fake;

/**
 * How the fake upstream answers one request.
 *
 * @param status          HTTP status; non-2xx answers carry an error body in the endpoint's dialect
 * @param retryAfter      the {@code Retry-After} header value, or null
 * @param headerDelayMs   wait before sending the response headers (slow headers)
 * @param chunks          how many pieces the text is streamed in
 * @param chunkDelayMs    wait between stream events
 * @param cutAfterChunks  close the connection after this many content events (-1: never)
 * @param omitUsage       leave usage out of the answer
 * @param text            the answer text
 */
public record Behaviour(int status, String retryAfter, long headerDelayMs, int chunks, long chunkDelayMs,
                        int cutAfterChunks, boolean omitUsage, String text) {
    public static final String TEXT = "Hello from the fake upstream.";

    public static Behaviour ok() {
        return new Behaviour(200, null, 0, 4, 0, -1, false, TEXT);
    }

    public static Behaviour status(int status) {
        return new Behaviour(status, null, 0, 4, 0, -1, false, TEXT);
    }

    public static Behaviour rateLimited(String retryAfter) {
        return new Behaviour(429, retryAfter, 0, 4, 0, -1, false, TEXT);
    }

    public Behaviour slowHeaders(long millis) {
        return new Behaviour(status, retryAfter, millis, chunks, chunkDelayMs, cutAfterChunks, omitUsage, text);
    }

    public Behaviour chunks(int count, long delayMs) {
        return new Behaviour(status, retryAfter, headerDelayMs, count, delayMs, cutAfterChunks, omitUsage, text);
    }

    public Behaviour cutAfter(int count) {
        return new Behaviour(status, retryAfter, headerDelayMs, chunks, chunkDelayMs, count, omitUsage, text);
    }

    public Behaviour withoutUsage() {
        return new Behaviour(status, retryAfter, headerDelayMs, chunks, chunkDelayMs, cutAfterChunks, true, text);
    }
}
