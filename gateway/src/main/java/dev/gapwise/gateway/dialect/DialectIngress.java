package dev.gapwise.gateway.dialect;

import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import org.eclipse.jetty.http.HttpFields;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The client side of a dialect: the endpoint it is served at, what a valid request body is, and how errors and
 * rate-limit headers are written in it. The JSON limits (size, depth) are checked before, by the ingress; this
 * checks the fields the gateway relies on and the shapes it would otherwise pass on broken. Stateless.
 */
public interface DialectIngress {
    /** The endpoint's path, e.g. {@code /v1/chat/completions}. */
    String path();

    /**
     * The path of the dialect's token-count endpoint ({@code /v1/messages/count_tokens}), when it has one. Its
     * requests are chat requests without the output fields, checked by {@link #parseCount}.
     */
    default Optional<String> countTokensPath() {
        return Optional.empty();
    }

    /** The endpoint's short name for metrics and logs, e.g. {@code chat_completions}. */
    String endpoint();

    /**
     * True when a refusal of a request to {@code path} with these headers (a wrong path, a missing key on another
     * endpoint) should be written in this dialect. OpenAI's shape is the default and claims nothing.
     */
    boolean claims(String path, HttpFields headers);

    /**
     * The client headers (lower-case names) forwarded to an upstream of this same dialect, e.g. Anthropic's {@code
     * anthropic-beta} and {@code anthropic-version}; never credentials. Dropped when another dialect serves.
     */
    default List<String> forwardedHeaders() {
        return List.of();
    }

    /** A checked request, or the message of a 400 naming what is wrong. */
    Parsed parse(ObjectNode body);

    /**
     * The body of {@code GET /v1/models} in this dialect's list format; OpenAI's {@code {"object":"list","data":[…]}}
     * unless the dialect has its own.
     *
     * @param owners every model id offered, in order, with who serves it
     */
    default ObjectNode modelList(SequencedMap<String, String> owners) {
        ObjectNode list = Json.object().put("object", "list");
        ArrayNode data = list.putArray("data");
        owners.forEach((id, owner) -> data.addObject().put("id", id).put("object", "model").put("created", 0)
                .put("owned_by", owner));
        return list;
    }

    /** A checked token-count request ({@link #countTokensPath}); dialects without one refuse it. */
    default Parsed parseCount(ObjectNode body) {
        return new Parsed.Bad("this API has no token-count endpoint");
    }

    /** The system instructions of a valid request, as text (empty when none), for routing. */
    String systemText(ObjectNode body);

    /** An error body in this dialect's shape. */
    ObjectNode errorBody(ApiError error);

    /** An error as a stream event, for a stream that has already started. */
    SseEvent errorEvent(ApiError error);

    /**
     * Writes one rate limit's headers in this dialect's names.
     *
     * @param what      {@code requests} or {@code tokens}
     * @param limit     the limit
     * @param remaining what is left
     * @param reset     when it is full again
     */
    void rateLimitHeaders(String what, long limit, long remaining, Duration reset, Instant now,
                          HttpFields.Mutable headers);

    /** The outcome of {@link #parse}. */
    sealed interface Parsed {
        record Ok(IngressRequest request) implements Parsed {
            public Ok {
                Objects.requireNonNull(request, "request");
            }
        }

        record Bad(String message) implements Parsed {
            public Bad {
                Objects.requireNonNull(message, "message");
            }
        }
    }
}
