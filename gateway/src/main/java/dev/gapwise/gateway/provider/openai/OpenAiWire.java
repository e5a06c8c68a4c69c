package dev.gapwise.gateway.provider.openai;

/** The OpenAI Chat Completions wire format: the field names and values the gateway reads and writes. */
final class OpenAiWire {
    static final String PATH = "/chat/completions";
    static final String DONE = "[DONE]";

    /** {@code usage} of a completion or of the final stream chunk. */
    record Usage(long promptTokens, long completionTokens) {
    }

    private OpenAiWire() {
    }
}
