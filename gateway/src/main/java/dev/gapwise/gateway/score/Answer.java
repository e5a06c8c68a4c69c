package dev.gapwise.gateway.score;

import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.dialect.neutral.Part;
import dev.gapwise.gateway.dialect.neutral.Reply;
import dev.gapwise.gateway.dialect.neutral.Json;
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

    /**
     * The answer of a complete (non-streamed) response body in {@code dialect}, read through the dialect's neutral
     * mapping: text parts joined, tool calls in order (thinking is not part of the answer).
     */
    public static Answer of(WireDialect dialect, JsonNode response) {
        Reply reply = dialect.mapping().replyToNeutral(response);
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (Part part : reply.content()) {
            switch (part) {
                case Part.Text t -> text.append(t.text());
                case Part.ToolUse use -> calls.add(new ToolCall(use.name(), canonical(Json.write(use.input()))));
                default -> {
                }
            }
        }
        return new Answer(text.toString(), calls);
    }

    /** JSON text with object keys sorted (so key order never makes two equal values differ); other text as is. */
    public static String canonical(String json) {
        JsonNode node = Json.parseOrNull(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return node == null ? json.strip() : Json.write(JsonValues.sorted(node));
    }
}
