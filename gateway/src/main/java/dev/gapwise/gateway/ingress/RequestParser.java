package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.dialect.DialectIngress;
import dev.gapwise.gateway.dialect.IngressRequest;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.call.Failure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses and validates a chat request body: strict UTF-8 JSON within the {@link IngressJson} limits, an object,
 * then the dialect's own checks ({@link DialectIngress#parse}). Checks only what the gateway relies on; providers
 * validate the rest. Stateless.
 */
final class RequestParser {
    private RequestParser() {
    }

    /** A parsed request, or the failure to report. */
    sealed interface Result {
        /**
         * @param asSent the request's body is the tree parsed from the bytes as sent (the dialect neither copied
         *               nor rewrote it), so those bytes can go upstream in its place
         */
        record Ok(IngressRequest request, boolean asSent) implements Result {
        }

        record Bad(Failure failure) implements Result {
        }
    }

    /** The body's heap weight, or the failure to report when it is not JSON within the limits. */
    sealed interface Weight {
        record Of(long bytes) implements Weight {
        }

        record Bad(Failure failure) implements Weight {
        }
    }

    static Weight weigh(IngressJson json, byte[] body) {
        try {
            return new Weight.Of(json.weigh(body));
        } catch (JacksonException e) {
            return new Weight.Bad(notJson(e));
        }
    }

    static Result parse(IngressJson reader, WireDialect dialect, byte[] body) {
        return parse(reader, dialect, body, false, "");
    }

    /** A chat request to {@code path} (Gemini's path names the model and the action). */
    static Result parse(IngressJson reader, WireDialect dialect, byte[] body, String path) {
        return parse(reader, dialect, body, false, path);
    }

    /**
     * @param counting the body is a token-count request, checked by {@link DialectIngress#parseCount}
     * @param path     the request's path
     */
    static Result parse(IngressJson reader, WireDialect dialect, byte[] body, boolean counting, String path) {
        JsonNode json;
        try {
            json = reader.tree(body);
        } catch (JacksonException e) {
            return new Result.Bad(notJson(e));
        }
        if (json == null || !json.isObject()) {
            return bad("request body must be a JSON object");
        }
        ObjectNode object = (ObjectNode) json;
        return switch (counting ? dialect.ingress().parseCount(object) : dialect.ingress().parse(object, path)) {
            case DialectIngress.Parsed.Ok ok -> new Result.Ok(ok.request(), ok.request().body() == object);
            case DialectIngress.Parsed.Bad wrong -> bad(wrong.message());
        };
    }

    static Failure notJson(JacksonException e) {
        return new Failure.BadRequest(notJson(dev.gapwise.gateway.text.CleanText.of(e.getOriginalMessage(), 300)));
    }

    /** The text of a refusal for breaking the JSON limits, {@code why} being what was broken. */
    static String notJson(String why) {
        return "request body is not valid JSON in UTF-8 within the gateway's limits (depth " + IngressJson.MAX_DEPTH
                + ", " + IngressJson.MAX_TOKENS + " elements): " + why;
    }

    private static Result bad(String message) {
        return new Result.Bad(new Failure.BadRequest(message));
    }
}
