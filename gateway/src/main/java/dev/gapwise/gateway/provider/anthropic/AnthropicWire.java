package dev.gapwise.gateway.provider.anthropic;

/** The Anthropic Messages wire format: the field names and values the gateway reads and writes. */
final class AnthropicWire {
    static final String PATH = "/messages";
    static final String VERSION = "2023-06-01";
    static final String MESSAGE_START = "message_start";
    static final String MESSAGE_DELTA = "message_delta";
    static final String MESSAGE_STOP = "message_stop";
    static final String CONTENT_BLOCK_DELTA = "content_block_delta";
    static final String ERROR = "error";

    /** {@code usage} of a message; cache reads and writes count as input. */
    record Usage(long inputTokens, long outputTokens) {
    }

    private AnthropicWire() {
    }
}
