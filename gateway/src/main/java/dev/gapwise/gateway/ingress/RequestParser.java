package dev.gapwise.gateway.ingress;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.provider.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * Parses and validates a chat request body in either dialect: strict UTF-8 JSON, an object, the required fields
 * with the right types. Checks only what the gateway relies on; providers validate the rest. Stateless.
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

    static Result parse(Dialect dialect, byte[] body) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return bad("request body is not valid JSON in UTF-8: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            return bad("request body must be a JSON object");
        }
        ObjectNode object = (ObjectNode) json;
        JsonNode model = object.path("model");
        if (!model.isString() || model.stringValue().isBlank()) {
            return bad("'model' is required and must be a string: a model name, or \"auto\" to let the gateway choose");
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
        for (String field : new String[] {"temperature", "top_p", "max_tokens", "max_completion_tokens"}) {
            JsonNode value = object.path(field);
            if (!value.isMissingNode() && !value.isNull() && !value.isNumber()) {
                return bad("'" + field + "' must be a number");
            }
        }
        if (dialect == Dialect.ANTHROPIC && (!object.path("max_tokens").isIntegralNumber()
                || object.path("max_tokens").asLong() < 1)) {
            return bad("'max_tokens' is required and must be a positive integer");
        }
        JsonNode n = object.path("n");
        if (!n.isMissingNode() && !n.isNull() && !(n.isIntegralNumber() && n.asInt() == 1)) {
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

    private static Result bad(String message) {
        return new Result.Bad(new Failure.BadRequest(message));
    }
}
