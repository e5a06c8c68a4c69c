package dev.gapwise.gateway.dialect;

import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.neutral.StreamEvent;

import java.util.List;

/** Reads one upstream stream's events as neutral events. Not thread-safe; one per stream. */
public interface StreamDecoder {
    /** The neutral events of one upstream event (often one, sometimes none or several). */
    List<StreamEvent> decode(SseEvent upstream);

    /** The closing events still owed once the upstream stream ended cleanly (none when already given). */
    List<StreamEvent> finish();
}
