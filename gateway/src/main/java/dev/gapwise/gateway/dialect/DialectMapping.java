package dev.gapwise.gateway.dialect;

import dev.gapwise.gateway.dialect.neutral.Chat;
import dev.gapwise.gateway.dialect.neutral.Reply;
import dev.gapwise.gateway.dialect.neutral.Untranslatable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A dialect to and from the neutral records, both directions, for requests, complete answers and streams. Used
 * only when client and upstream speak different dialects; same-dialect traffic takes {@link #passThrough}. The
 * request and reply functions are pure; decoders and encoders hold one stream's state.
 */
public interface DialectMapping {
    /**
     * A checked request in this dialect as a neutral chat. Shapes with no neutral meaning become {@link
     * dev.gapwise.gateway.dialect.neutral.Part.Opaque} parts or {@link Chat.Extras}; only a shape that could never
     * be carried anywhere else is refused here.
     *
     * @throws Untranslatable naming the part
     */
    Chat toNeutral(ObjectNode request);

    /**
     * A neutral chat as a request in this dialect (the model is set later by the upstream).
     *
     * @param notes receives one line per thing dropped or approximated on the way
     * @throws Untranslatable naming a part this dialect cannot carry (never silently dropped)
     */
    ObjectNode fromNeutral(Chat chat, List<String> notes);

    /** An upstream's complete answer in this dialect as a neutral reply. */
    Reply replyToNeutral(JsonNode response);

    /** A neutral reply as a complete answer in this dialect; {@code epochSecond} stamps dialects that want one. */
    ObjectNode replyFromNeutral(Reply reply, long epochSecond);

    /** A fresh decoder for one upstream stream in this dialect. */
    StreamDecoder decoder();

    /**
     * A fresh encoder for one client stream in this dialect.
     *
     * @param includeUsage the client asked for usage at the end
     */
    StreamEncoder encoder(boolean includeUsage, long epochSecond);

    /**
     * Same dialect both sides: events go through as they came, except what the gateway asked for on its own
     * behalf (OpenAI's usage chunk), and a missing final event is supplied when the stream ended cleanly.
     */
    StreamTranslator passThrough(boolean includeUsage);
}
