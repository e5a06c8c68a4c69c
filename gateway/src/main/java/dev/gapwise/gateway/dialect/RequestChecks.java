package dev.gapwise.gateway.dialect;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Checks every chat dialect makes the same way: the model name, and every sampling value and integer the gateway
 * reads within range (an out-of-range {@code max_tokens} is a 400, not a failure deeper in). Each returns the
 * message of the 400, or empty. Stateless.
 */
public final class RequestChecks {
    private RequestChecks() {
    }

    /** {@code model}: a non-blank string of at most 256 characters. */
    public static Optional<String> model(JsonNode model) {
        if (!model.isString() || model.stringValue().isBlank()) {
            return Optional.of("'model' is required and must be a string: a model name, or \"auto\" to let the "
                    + "gateway choose");
        }
        if (model.stringValue().length() > 256) {
            return Optional.of("'model' is longer than 256 characters; no deployment has such a name");
        }
        return Optional.empty();
    }

    /** {@code stream}, sampling numbers, token limits, {@code n} and {@code tools}. */
    public static Optional<String> options(ObjectNode object) {
        JsonNode stream = object.path("stream");
        if (present(stream) && !stream.isBoolean()) {
            return Optional.of("'stream' must be true or false");
        }
        for (String field : new String[] {"temperature", "top_p"}) {
            JsonNode value = object.path(field);
            if (present(value) && !(value.isNumber() && Double.isFinite(value.doubleValue()))) {
                return Optional.of("'" + field + "' must be a number");
            }
        }
        for (String field : new String[] {"max_tokens", "max_completion_tokens", "top_k"}) {
            JsonNode value = object.path(field);
            if (present(value) && !positiveInt(value)) {
                return Optional.of("'" + field + "' must be a whole number from 1 to " + Integer.MAX_VALUE);
            }
        }
        JsonNode n = object.path("n");
        if (present(n) && !(n.isIntegralNumber() && n.canConvertToInt() && n.intValue() == 1)) {
            return Optional.of("'n' must be 1: the gateway returns one choice per request");
        }
        JsonNode tools = object.path("tools");
        if (present(tools) && !tools.isArray()) {
            return Optional.of("'tools' must be an array");
        }
        return Optional.empty();
    }

    public static boolean present(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }

    public static boolean positiveInt(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 1;
    }
}
