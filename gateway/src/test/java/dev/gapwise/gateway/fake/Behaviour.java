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
 * @param errorText       the message of an error answer (or of the error event sent instead of a cut); {@value
 *                        #CREDENTIAL} in it is replaced by the credential the request carried; null: a default
 * @param promptTokens    the prompt tokens reported (default 12)
 * @param completionTokens the completion tokens reported; {@code Long.MIN_VALUE}: one per piece of text
 * @param cache            cache and reasoning tokens reported besides them
 */
public record Behaviour(int status, String retryAfter, long headerDelayMs, int chunks, long chunkDelayMs,
                        int cutAfterChunks, boolean omitUsage, String text, String errorText, long promptTokens,
                        long completionTokens, Cache cache) {
    /**
     * Cache and reasoning tokens an upstream reports: OpenAI counts cached tokens inside {@code prompt_tokens} and
     * reasoning inside {@code completion_tokens}; Anthropic reports reads and writes apart from {@code input_tokens}.
     */
    public record Cache(long read, long write5m, long write1h, long reasoning) {
        public static final Cache NONE = new Cache(0, 0, 0, 0);
    }

    public static final String TEXT = "Hello from the fake upstream.";
    /** Stands for the credential the upstream received, in {@link #errorText}. */
    public static final String CREDENTIAL = "{credential}";

    public Behaviour(int status, String retryAfter, long headerDelayMs, int chunks, long chunkDelayMs,
                     int cutAfterChunks, boolean omitUsage, String text) {
        this(status, retryAfter, headerDelayMs, chunks, chunkDelayMs, cutAfterChunks, omitUsage, text, null, 12,
                Long.MIN_VALUE, Cache.NONE);
    }

    public static Behaviour ok() {
        return new Behaviour(200, null, 0, 4, 0, -1, false, TEXT);
    }

    public static Behaviour status(int status) {
        return new Behaviour(status, null, 0, 4, 0, -1, false, TEXT);
    }

    public static Behaviour rateLimited(String retryAfter) {
        return new Behaviour(429, retryAfter, 0, 4, 0, -1, false, TEXT);
    }

    /** An error answer (or, with {@link #cutAfter}, an error event mid-stream) saying {@code message}. */
    public Behaviour saying(String message) {
        return new Behaviour(status, retryAfter, headerDelayMs, chunks, chunkDelayMs, cutAfterChunks, omitUsage, text,
                message, promptTokens, completionTokens, cache);
    }

    /** Reports these token counts, whatever they are. */
    public Behaviour reporting(long prompt, long completion) {
        return new Behaviour(status, retryAfter, headerDelayMs, chunks, chunkDelayMs, cutAfterChunks, omitUsage, text,
                errorText, prompt, completion, cache);
    }

    public Behaviour slowHeaders(long millis) {
        return new Behaviour(status, retryAfter, millis, chunks, chunkDelayMs, cutAfterChunks, omitUsage, text,
                errorText, promptTokens, completionTokens, cache);
    }

    public Behaviour chunks(int count, long delayMs) {
        return new Behaviour(status, retryAfter, headerDelayMs, count, delayMs, cutAfterChunks, omitUsage, text,
                errorText, promptTokens, completionTokens, cache);
    }

    public Behaviour cutAfter(int count) {
        return new Behaviour(status, retryAfter, headerDelayMs, chunks, chunkDelayMs, count, omitUsage, text,
                errorText, promptTokens, completionTokens, cache);
    }

    /** Also reports these cache and reasoning tokens. */
    public Behaviour caching(Cache value) {
        return new Behaviour(status, retryAfter, headerDelayMs, chunks, chunkDelayMs, cutAfterChunks, omitUsage, text,
                errorText, promptTokens, completionTokens, value);
    }

    /** Answers with this text instead of {@link #TEXT}. */
    public Behaviour answering(String value) {
        return new Behaviour(status, retryAfter, headerDelayMs, chunks, chunkDelayMs, cutAfterChunks, omitUsage, value,
                errorText, promptTokens, completionTokens, cache);
    }

    public Behaviour withoutUsage() {
        return new Behaviour(status, retryAfter, headerDelayMs, chunks, chunkDelayMs, cutAfterChunks, true, text,
                errorText, promptTokens, completionTokens, cache);
    }
}
