package dev.gapwise.gateway.dialect.openai;

/** The OpenAI Chat Completions wire format: the field names and values the gateway reads and writes. */
final class OpenAiWire {
    static final String PATH = "/chat/completions";
    static final String DONE = "[DONE]";

    /**
     * {@code usage} of a completion or of the final stream chunk.
     *
     * @param promptTokens     every prompt token, cached ones included
     * @param completionTokens every output token, reasoning included
     * @param cachedTokens     the prompt tokens read from the cache
     * @param reasoningTokens  the output tokens spent reasoning
     */
    record Usage(long promptTokens, long completionTokens, long cachedTokens, long reasoningTokens) {
    }

    private OpenAiWire() {
    }
}
