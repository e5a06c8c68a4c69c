package dev.gapwise.gateway.score;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.provider.Json;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a model answered, in neutral form: its text and its tool calls (arguments as canonical JSON, so two calls
 * with the same arguments in another key order compare equal). Immutable.
 *
 * @param text      the text parts joined
 * @param toolCalls the tool calls in order
 */
public record Answer(String text, List<ToolCall> toolCalls) {
    public static final Answer EMPTY = new Answer("", List.of());

    public Answer {
        Objects.requireNonNull(text, "text");
        toolCalls = List.copyOf(toolCalls);
    }

    /** A plain text answer. */
    public static Answer text(String text) {
        return new Answer(text, List.of());
    }

    /** One tool call: the function's name and its arguments as canonical JSON (or the raw text when not JSON). */
    public record ToolCall(String name, String arguments) {
        public ToolCall {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
        }
    }

    /** Nothing at all was answered. */
    public boolean isEmpty() {
        return text.isBlank() && toolCalls.isEmpty();
    }

    /** The answer of a complete (non-streamed) response body in {@code dialect}. */
    public static Answer of(Dialect dialect, JsonNode response) {
        return switch (dialect) {
            case OPENAI -> openAi(response);
            case ANTHROPIC -> anthropic(response);
            case GEMINI -> gemini(response);
        };
    }

    private static Answer openAi(JsonNode response) {
        JsonNode message = response.path("choices").path(0).path("message");
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            calls.add(new ToolCall(call.path("function").path("name").asString(""),
                    canonical(call.path("function").path("arguments").asString(""))));
        }
        JsonNode content = message.path("content");
        String text = content.isString() ? content.asString() : joinText(content, "text");
        return new Answer(text, calls);
    }

    private static Answer anthropic(JsonNode response) {
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : response.path("content")) {
            switch (block.path("type").asString("")) {
                case "text" -> text.append(block.path("text").asString(""));
                case "tool_use" -> calls.add(new ToolCall(block.path("name").asString(""),
                        canonical(Json.write(block.path("input")))));
                default -> {
                }
            }
        }
        return new Answer(text.toString(), calls);
    }

    private static Answer gemini(JsonNode response) {
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode part : response.path("candidates").path(0).path("content").path("parts")) {
            if (part.has("text")) {
                text.append(part.path("text").asString(""));
            } else if (part.has("functionCall")) {
                calls.add(new ToolCall(part.path("functionCall").path("name").asString(""),
                        canonical(Json.write(part.path("functionCall").path("args")))));
            }
        }
        return new Answer(text.toString(), calls);
    }

    private static String joinText(JsonNode parts, String field) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : parts) {
            text.append(part.path(field).asString(""));
        }
        return text.toString();
    }

    /** JSON text with object keys sorted (so key order never makes two equal values differ); other text as is. */
    public static String canonical(String json) {
        JsonNode node = Json.parseOrNull(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return node == null ? json.strip() : Json.write(JsonValues.sorted(node));
    }
}
