package dev.gapwise.gateway.dialect.neutral;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete (non-streamed) answer with no dialect.
 *
 * @param id           the upstream's id for it
 * @param model        the model that answered
 * @param content      text, tool calls and thinking, in order
 * @param stop         why generation stopped
 * @param stopSequence the stop sequence that ended it, when one did
 * @param tokens       the token counts as the upstream reported them
 */
public record Reply(String id, String model, List<Part> content, StopReason stop, Optional<String> stopSequence,
                    Tokens tokens) {
    public Reply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        content = List.copyOf(content);
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(stopSequence, "stopSequence");
        Objects.requireNonNull(tokens, "tokens");
    }

    /** Why a model stopped. */
    public enum StopReason {
        END_TURN,
        MAX_TOKENS,
        STOP_SEQUENCE,
        TOOL_USE,
        REFUSAL
    }

    /**
     * Token counts as reported to a client (not billing: that is {@link Usage}).
     *
     * @param prompt     every prompt token, cache reads and writes included
     * @param output     every output token, reasoning included
     * @param cacheRead  prompt tokens read from the cache
     * @param cacheWrite prompt tokens written to the cache
     */
    public record Tokens(long prompt, long output, long cacheRead, long cacheWrite) {
        public static final Tokens NONE = new Tokens(0, 0, 0, 0);

        /** Prompt tokens at the full rate (neither read from nor written to the cache). */
        public long uncachedPrompt() {
            return Math.max(0, prompt - cacheRead - cacheWrite);
        }
    }
}
