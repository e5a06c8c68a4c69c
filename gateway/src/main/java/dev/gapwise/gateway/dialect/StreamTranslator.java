package dev.gapwise.gateway.dialect;

import dev.gapwise.gateway.dialect.neutral.SseEvent;

import java.util.List;

/** Turns one upstream stream's events into the client's dialect. Not thread-safe; one per stream. */
public interface StreamTranslator {
    /** The client events for one upstream event (often one, sometimes none or several). */
    List<SseEvent> translate(SseEvent upstream);

    /** The closing events still owed once the upstream stream ended cleanly (none if already sent). */
    List<SseEvent> finish();
}
