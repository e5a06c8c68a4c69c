package dev.gapwise.gateway.translate;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.provider.SseEvent;

import java.util.List;

/**
 * Same dialect both sides: events go through as they came, except the OpenAI usage chunk the gateway asked for
 * on its own behalf, and a missing {@code [DONE]} is supplied when the stream ended after its finish reason.
 */
final class PassThroughStream implements StreamTranslator {
    private static final String DONE = "[DONE]";
    private final Dialect dialect;
    private final boolean clientWantsUsage;
    private boolean doneSent;

    PassThroughStream(Dialect dialect, boolean clientWantsUsage) {
        this.dialect = dialect;
        this.clientWantsUsage = clientWantsUsage;
    }

    @Override
    public List<SseEvent> translate(SseEvent upstream) {
        if (dialect == Dialect.OPENAI) {
            if (DONE.equals(upstream.data())) {
                doneSent = true;
            } else if (!clientWantsUsage && upstream.json() != null && upstream.json().path("usage").isObject()
                    && upstream.json().path("choices").isEmpty()) {
                return List.of();
            }
        } else if ("message_stop".equals(upstream.name())) {
            doneSent = true;
        }
        return List.of(upstream);
    }

    @Override
    public List<SseEvent> finish() {
        if (doneSent || dialect != Dialect.OPENAI) {
            return List.of();
        }
        doneSent = true;
        return List.of(new SseEvent(null, DONE, null));
    }
}
