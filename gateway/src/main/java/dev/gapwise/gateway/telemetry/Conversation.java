package dev.gapwise.gateway.telemetry;

import dev.gapwise.gateway.dialect.DialectKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A client request read for its span: the sampling parameters, and — only when content is captured — the system
 * instructions and messages in the GenAI conventions' JSON shape ({@code role} and typed {@code parts}: text,
 * tool_call, tool_call_response; media parts are named by type, their bytes left out). Pure functions.
 */
final class Conversation {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The request's generation parameters, where present. */
    record Parameters(OptionalLong maxTokens, OptionalDouble temperature, OptionalDouble topP) {
    }

    private Conversation() {
    }

    static Parameters parameters(JsonNode body) {
        JsonNode max = body.path("max_completion_tokens").isNumber() ? body.path("max_completion_tokens")
                : body.path("max_tokens");
        return new Parameters(max.isIntegralNumber() ? OptionalLong.of(max.longValue()) : OptionalLong.empty(),
                number(body.path("temperature")), number(body.path("top_p")));
    }

    private static OptionalDouble number(JsonNode node) {
        return node.isNumber() ? OptionalDouble.of(node.doubleValue()) : OptionalDouble.empty();
    }

    /** The system instructions as a JSON array of parts, when the request has any. */
    static Optional<String> systemInstructions(DialectKind dialect, JsonNode body) {
        ArrayNode parts = NODES.arrayNode();
        switch (dialect) {
            case ANTHROPIC -> contentParts(body.path("system"), parts);
            case OPENAI -> body.path("messages").forEach(message -> {
                String role = message.path("role").asString("");
                if (role.equals("system") || role.equals("developer")) {
                    contentParts(message.path("content"), parts);
                }
            });
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(parts.toString());
    }

    /** The chat history as a JSON array of messages (system messages are in {@link #systemInstructions}). */
    static String inputMessages(DialectKind dialect, JsonNode body) {
        ArrayNode messages = NODES.arrayNode();
        switch (dialect) {
            case OPENAI, ANTHROPIC -> body.path("messages").forEach(message -> {
                String role = message.path("role").asString("");
                if (role.equals("system") || role.equals("developer")) {
                    return;
                }
                ObjectNode out = messages.addObject().put("role", role);
                ArrayNode parts = out.putArray("parts");
                if (role.equals("tool")) {
                    parts.addObject().put("type", "tool_call_response")
                            .put("id", message.path("tool_call_id").asString(""))
                            .put("result", text(message.path("content")));
                    return;
                }
                contentParts(message.path("content"), parts);
                message.path("tool_calls").forEach(call -> parts.addObject().put("type", "tool_call")
                        .put("id", call.path("id").asString("")).put("name", call.path("function").path("name")
                                .asString("")).put("arguments", call.path("function").path("arguments").asString("")));
            });
        }
        return messages.toString();
    }

    /** Appends a message's content (a string, or an array of typed blocks) as convention parts. */
    static void contentParts(JsonNode content, ArrayNode parts) {
        if (content.isString()) {
            parts.addObject().put("type", "text").put("content", content.asString());
            return;
        }
        content.forEach(block -> {
            String type = block.path("type").asString("");
            switch (type) {
                case "text", "input_text", "output_text" ->
                        parts.addObject().put("type", "text").put("content", block.path("text").asString(""));
                case "thinking" -> parts.addObject().put("type", "reasoning")
                        .put("content", block.path("thinking").asString(""));
                case "tool_use" -> parts.addObject().put("type", "tool_call").put("id", block.path("id").asString(""))
                        .put("name", block.path("name").asString("")).put("arguments", block.path("input").toString());
                case "tool_result" -> parts.addObject().put("type", "tool_call_response")
                        .put("id", block.path("tool_use_id").asString("")).put("result", text(block.path("content")));
                case "" -> {
                    if (block.has("text")) {
                        parts.addObject().put("type", "text").put("content", block.path("text").asString(""));
                    }
                }
                default -> parts.addObject().put("type", type);
            }
        });
    }

    /** The text of a content value: the string, or its text blocks joined. */
    static String text(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asString("")));
        return text.toString();
    }
}
