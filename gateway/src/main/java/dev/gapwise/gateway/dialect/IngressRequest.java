package dev.gapwise.gateway.dialect;

import tools.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * A request body that passed its dialect's checks.
 *
 * @param body         the JSON object as sent
 * @param model        the requested model (or {@code auto})
 * @param stream       the client asked for a stream
 * @param includeUsage the client asked for usage at the end of the stream (OpenAI's {@code stream_options})
 * @param hasTools     tools are declared
 */
public record IngressRequest(ObjectNode body, String model, boolean stream, boolean includeUsage, boolean hasTools) {
    public IngressRequest {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(model, "model");
    }
}
