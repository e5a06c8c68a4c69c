package dev.gapwise.gateway.dialect;

import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.neutral.StreamEvent;

import java.util.List;

/** Writes neutral events as one client stream in a dialect. Not thread-safe; one per stream. */
public interface StreamEncoder {
    /** The client events for one neutral event (none, one or several). */
    List<SseEvent> encode(StreamEvent event);
}
