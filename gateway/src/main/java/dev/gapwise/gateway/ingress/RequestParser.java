package dev.gapwise.gateway.ingress;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.call.Failure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * Parses and validates a chat request body in either dialect: strict UTF-8 JSON within the {@link IngressJson}
 * limits, an object, the required fields with the right types, and every integer the gateway reads within range
 * (an out-of-range {@code max_tokens} or {@code n} is a 400, not a failure deeper in). Checks only what the
 * gateway relies on; providers validate the rest. Stateless.
 */
final class RequestParser {
    private static final Set<String> OPENAI_ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    private static final Set<String> ANTHROPIC_ROLES = Set.of("user", "assistant");

    private RequestParser() {
    }

    /** A parsed request, or the failure to report. */
    sealed interface Result {
        record Ok(ParsedRequest request) implements Result {
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

    static Result parse(IngressJson reader, Dialect dialect, byte[] body) {
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
        JsonNode model = object.path("model");
        if (!model.isString() || model.stringValue().isBlank()) {
            return bad("'model' is required and must be a string: a model name, or \"auto\" to let the gateway choose");
        }
        if (model.stringValue().length() > 256) {
            return bad("'model' is longer than 256 characters; no deployment has such a name");
        }
        JsonNode messages = object.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return bad("'messages' is required and must be a non-empty array");
        }
        Set<String> roles = dialect == Dialect.ANTHROPIC ? ANTHROPIC_ROLES : OPENAI_ROLES;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!message.isObject() || !message.path("role").isString()
                    || !roles.contains(message.path("role").stringValue())) {
                return bad("'messages[" + i + "].role' must be one of " + String.join(", ", roles.stream().sorted().toList()));
            }
            JsonNode content = message.path("content");
            boolean contentOk = content.isString() || content.isArray()
                    || (dialect == Dialect.OPENAI && (content.isNull() || content.isMissingNode()));
            if (!contentOk) {
                return bad("'messages[" + i + "].content' must be a string or an array of content parts");
            }
        }
        JsonNode stream = object.path("stream");
        if (!stream.isMissingNode() && !stream.isNull() && !stream.isBoolean()) {
            return bad("'stream' must be true or false");
        }
        for (String field : new String[] {"temperature", "top_p"}) {
            JsonNode value = object.path(field);
            if (present(value) && !(value.isNumber() && Double.isFinite(value.doubleValue()))) {
                return bad("'" + field + "' must be a number");
            }
        }
        for (String field : new String[] {"max_tokens", "max_completion_tokens", "top_k"}) {
            JsonNode value = object.path(field);
            if (present(value) && !positiveInt(value)) {
                return bad("'" + field + "' must be a whole number from 1 to " + Integer.MAX_VALUE);
            }
        }
        if (dialect == Dialect.ANTHROPIC && !positiveInt(object.path("max_tokens"))) {
            return bad("'max_tokens' is required and must be a whole number from 1 to " + Integer.MAX_VALUE);
        }
        JsonNode n = object.path("n");
        if (present(n) && !(n.isIntegralNumber() && n.canConvertToInt() && n.intValue() == 1)) {
            return bad("'n' must be 1: the gateway returns one choice per request");
        }
        JsonNode tools = object.path("tools");
        if (!tools.isMissingNode() && !tools.isNull() && !tools.isArray()) {
            return bad("'tools' must be an array");
        }
        boolean includeUsage = object.path("stream_options").path("include_usage").asBoolean(false);
        return new Result.Ok(new ParsedRequest(object, model.stringValue().strip(), stream.asBoolean(false),
                includeUsage, tools.isArray() && !tools.isEmpty()));
    }

    private static boolean present(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }

    private static boolean positiveInt(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 1;
    }

    static Failure notJson(JacksonException e) {
        return new Failure.BadRequest("request body is not valid JSON in UTF-8 within the gateway's limits (depth "
                + IngressJson.MAX_DEPTH + ", " + IngressJson.MAX_TOKENS + " elements): "
                + dev.gapwise.gateway.text.CleanText.of(e.getOriginalMessage(), 300));
    }

    private static Result bad(String message) {
        return new Result.Bad(new Failure.BadRequest(message));
    }
}
