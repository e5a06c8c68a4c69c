package dev.gapwise.gateway.dialect;

import dev.gapwise.gateway.dialect.neutral.Chat;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.neutral.StreamEvent;
import dev.gapwise.gateway.dialect.neutral.Untranslatable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Translation between any two dialects through the neutral records: the client's dialect to neutral to the
 * upstream's, and back for answers and streams. Same-dialect traffic passes through untouched. Stateless.
 */
public final class Translation {
    private Translation() {
    }

    /** A request rewritten for another dialect, or why it cannot be. */
    public sealed interface Request {
        /**
         * The request in the upstream's dialect.
         *
         * @param notes what was dropped or approximated on the way (empty for pass-through)
         */
        record Translated(ObjectNode body, List<String> notes) implements Request {
            public Translated {
                Objects.requireNonNull(body, "body");
                notes = List.copyOf(notes);
            }
        }

        /** A part of the request has no equivalent in the upstream's dialect; {@code reason} names it. */
        record Refused(String reason) implements Request {
        }
    }

    /**
     * A request in dialect {@code from} rewritten for an upstream speaking {@code to}; refused, naming the part,
     * when a part has no equivalent there (never silently dropped).
     */
    public static Request request(WireDialect from, WireDialect to, ObjectNode request) {
        if (from.kind() == to.kind()) {
            return new Request.Translated(request, List.of());
        }
        try {
            Chat chat = from.mapping().toNeutral(request);
            List<String> notes = new ArrayList<>();
            return new Request.Translated(to.mapping().fromNeutral(chat, notes), notes);
        } catch (Untranslatable e) {
            return new Request.Refused(e.getMessage());
        }
    }

    /** A complete upstream answer in dialect {@code from} rewritten for a client speaking {@code to}. */
    public static JsonNode response(WireDialect from, WireDialect to, JsonNode response, long epochSecond) {
        if (from.kind() == to.kind()) {
            return response;
        }
        return to.mapping().replyFromNeutral(from.mapping().replyToNeutral(response), epochSecond);
    }

    /**
     * A translator for one stream from an upstream speaking {@code from} to a client speaking {@code to}.
     *
     * @param clientWantsUsage the client asked for usage at the end of the stream
     */
    public static StreamTranslator stream(WireDialect from, WireDialect to, boolean clientWantsUsage, long epochSecond) {
        if (from.kind() == to.kind()) {
            return from.mapping().passThrough(clientWantsUsage);
        }
        return new Bridged(from.mapping().decoder(), to.mapping().encoder(clientWantsUsage, epochSecond));
    }

    /** Decoder then encoder. */
    private record Bridged(StreamDecoder decoder, StreamEncoder encoder) implements StreamTranslator {
        @Override
        public List<SseEvent> translate(SseEvent upstream) {
            return encode(decoder.decode(upstream));
        }

        @Override
        public List<SseEvent> finish() {
            return encode(decoder.finish());
        }

        private List<SseEvent> encode(List<StreamEvent> events) {
            if (events.isEmpty()) {
                return List.of();
            }
            List<SseEvent> out = new ArrayList<>();
            for (StreamEvent event : events) {
                out.addAll(encoder.encode(event));
            }
            return out;
        }
    }
}
