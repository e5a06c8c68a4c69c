package dev.gapwise.gateway.ingress;

import tools.jackson.databind.node.ObjectNode;

/**
 * A request body that passed validation.
 *
 * @param body         the JSON object as sent
 * @param model        the requested model (or {@code auto})
 * @param stream       the client asked for a stream
 * @param includeUsage the OpenAI client asked for the usage chunk
 * @param hasTools     tools are declared
 */
record ParsedRequest(ObjectNode body, String model, boolean stream, boolean includeUsage, boolean hasTools) {
}
