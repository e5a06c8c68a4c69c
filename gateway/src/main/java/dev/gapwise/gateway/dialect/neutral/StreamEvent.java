package dev.gapwise.gateway.dialect.neutral;

import java.util.Objects;
import java.util.Optional;

/**
 * One event of a streamed answer with no dialect. A stream is {@link Started}, then content blocks (each opened,
 * given deltas and closed, numbered from 0 in order), then {@link Stopped} and {@link Ended}. A dialect's stream
 * decoder produces these from upstream events and its encoder writes them as client events.
 */
public sealed interface StreamEvent {
    /** The answer began. */
    record Started(String id, String model, Reply.Tokens tokens) implements StreamEvent {
        public Started {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    /** A content block opened. */
    record BlockStarted(int index, Block block) implements StreamEvent {
        public BlockStarted {
            Objects.requireNonNull(block, "block");
        }
    }

    /** Text appended to a text block. */
    record TextDelta(int index, String text) implements StreamEvent {
        public TextDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /** JSON text appended to a tool call's arguments. */
    record ArgumentsDelta(int index, String json) implements StreamEvent {
        public ArgumentsDelta {
            Objects.requireNonNull(json, "json");
        }
    }

    /** Reasoning text appended to a thinking block. */
    record ThinkingDelta(int index, String text) implements StreamEvent {
        public ThinkingDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The signature of a thinking block (it arrives whole, before the block closes). */
    record SignatureDelta(int index, String signature) implements StreamEvent {
        public SignatureDelta {
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** A content block closed. */
    record BlockStopped(int index) implements StreamEvent {
    }

    /** Generation stopped; the final counts. */
    record Stopped(Reply.StopReason reason, Optional<String> stopSequence, Reply.Tokens tokens) implements StreamEvent {
        public Stopped {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(stopSequence, "stopSequence");
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    /** The stream's final event: it ended cleanly. */
    record Ended() implements StreamEvent {
    }

    /** What kind of content block opened. */
    sealed interface Block {
        record Text() implements Block {
        }

        record ToolUse(String id, String name) implements Block {
            public ToolUse {
                Objects.requireNonNull(id, "id");
                Objects.requireNonNull(name, "name");
            }
        }

        record Thinking() implements Block {
        }

        record RedactedThinking(String data) implements Block {
            public RedactedThinking {
                Objects.requireNonNull(data, "data");
            }
        }
    }
}
