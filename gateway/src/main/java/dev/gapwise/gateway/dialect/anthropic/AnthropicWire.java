package dev.gapwise.gateway.dialect.anthropic;

/** The Anthropic Messages wire format: the field names and values the gateway reads and writes. */
final class AnthropicWire {
    static final String PATH = "/messages";
    /** Below {@link #PATH}. */
    static final String COUNT_PATH = "/count_tokens";
    static final String VERSION = "2023-06-01";
    static final String MESSAGE_START = "message_start";
    static final String MESSAGE_DELTA = "message_delta";
    static final String MESSAGE_STOP = "message_stop";
    static final String CONTENT_BLOCK_DELTA = "content_block_delta";
    static final String ERROR = "error";

    /**
     * {@code usage} of a message: input at the full rate, output, cache reads, and cache writes split by lifetime
     * ({@code cache_creation.ephemeral_5m_input_tokens} / {@code ephemeral_1h_input_tokens}; all five-minute when
     * the split is absent).
     */
    record Usage(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
                 long cacheWrite1hTokens) {
        static final Usage NONE = new Usage(0, 0, 0, 0, 0);
    }

    private AnthropicWire() {
    }
}
