package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.dialect.IngressRequest;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.call.ClientChannel;
import dev.gapwise.gateway.call.Failure;

import java.util.Optional;
import java.util.function.Function;

/**
 * How a chat endpoint reads its body into a chat request and answers through the HTTP channel: the chat dialects
 * as they are, the Responses API mapped onto chat ({@link ResponsesFront}). Implementations are thread-safe.
 */
interface Front {
    /** A request ready to route and call, or the failure to report. */
    sealed interface Parsed {
        /**
         * @param request the chat request
         * @param answer  the channel the call's answer goes through, given the HTTP one
         * @param asSent  the body's bytes as the client sent them, when they are exactly the request's body
         */
        record Ok(IngressRequest request, Function<HttpClientChannel, ClientChannel> answer, Optional<byte[]> asSent)
                implements Parsed {
        }

        record Bad(Failure failure) implements Parsed {
        }
    }

    /**
     * @param json    the JSON limits
     * @param dialect the endpoint's chat dialect
     * @param body    the body as read
     * @param keyId   the caller's virtual key, when keys are on
     * @param path    the request's path (a Gemini request names its model and stream in it)
     */
    Parsed parse(IngressJson json, WireDialect dialect, byte[] body, Optional<String> keyId, String path);

    /**
     * A chat endpoint: the body is the request, the answer goes out as it is.
     *
     * @param counting the dialect's token-count endpoint (its body is checked as such)
     */
    static Front chat(boolean counting) {
        return (json, dialect, body, keyId, path) -> switch (RequestParser.parse(json, dialect, body, counting, path)) {
            case RequestParser.Result.Bad bad -> new Parsed.Bad(bad.failure());
            case RequestParser.Result.Ok ok -> new Parsed.Ok(ok.request(), channel -> channel,
                    ok.asSent() ? Optional.of(body) : Optional.empty());
        };
    }
}
