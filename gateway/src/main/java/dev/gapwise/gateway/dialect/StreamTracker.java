package dev.gapwise.gateway.dialect;

import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.neutral.Usage;

import java.util.Optional;

/** Watches one upstream stream's events for usage, text length and its final event. Not thread-safe. */
public interface StreamTracker {
    /** Looks at the next event (its JSON already parsed; null for non-JSON data such as {@code [DONE]}). */
    void accept(SseEvent event);

    /** True once the dialect's final event arrived: only then did the stream end cleanly. */
    boolean complete();

    /** An error the provider reported inside the stream, if any. */
    Optional<String> error();

    /** Usage as reported, else estimated from the characters streamed so far and the prompt size. */
    Usage usage(long promptCharacters);
}
