package dev.gapwise.gateway.telemetry;

import dev.gapwise.gateway.dialect.DialectKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one upstream attempt answered, read from the complete answer or gathered event by event from a stream, in
 * the upstream's dialect: the model that answered, the answer's id, its finish reasons and (only when content is
 * captured) its text. Not thread-safe: one per attempt, on the request's thread.
 */
final class Answer {
    private final boolean captureText;
    private String model;
    private String id;
    private final List<String> finishReasons = new ArrayList<>(1);
    private final StringBuilder text = new StringBuilder();
    private ArrayNode parts;

    Answer(boolean captureText) {
        this.captureText = captureText;
    }

    /** Reads a complete answer. */
    void complete(DialectKind dialect, JsonNode answer) {
        model = textOr(answer.path("model"), model);
        id = textOr(answer.path("id"), id);
        switch (dialect) {
            case OPENAI -> answer.path("choices").forEach(choice -> {
                reason(choice.path("finish_reason"));
                if (captureText) {
                    text.append(Conversation.text(choice.path("message").path("content")));
                    ArrayNode calls = JsonNodeFactory.instance.arrayNode();
                    choice.path("message").path("tool_calls").forEach(call -> calls.addObject().put("type", "tool_call")
                            .put("id", call.path("id").asString("")).put("name", call.path("function").path("name")
                                    .asString("")).put("arguments", call.path("function").path("arguments").asString("")));
                    parts = calls.isEmpty() ? parts : calls;
                }
            });
            case ANTHROPIC -> {
                reason(answer.path("stop_reason"));
                if (captureText) {
                    parts = JsonNodeFactory.instance.arrayNode();
                    Conversation.contentParts(answer.path("content"), parts);
                }
            }
        }
    }

    /** Reads one streamed event (null for non-JSON data). */
    void event(DialectKind dialect, JsonNode event) {
        if (event == null) {
            return;
        }
        switch (dialect) {
            case OPENAI -> {
                model = textOr(event.path("model"), model);
                id = textOr(event.path("id"), id);
                event.path("choices").forEach(choice -> {
                    reason(choice.path("finish_reason"));
                    if (captureText) {
                        text.append(choice.path("delta").path("content").asString(""));
                    }
                });
            }
            case ANTHROPIC -> {
                JsonNode message = event.path("message");
                model = textOr(message.path("model"), model);
                id = textOr(message.path("id"), id);
                reason(event.path("delta").path("stop_reason"));
                if (captureText) {
                    text.append(event.path("delta").path("text").asString(""));
                }
            }
        }
    }

    private void reason(JsonNode value) {
        if (value.isString() && !value.asString().isEmpty()) {
            finishReasons.add(value.asString());
        }
    }

    private static String textOr(JsonNode value, String previous) {
        return value.isString() && !value.asString().isEmpty() ? value.asString() : previous;
    }

    Optional<String> model() {
        return Optional.ofNullable(model);
    }

    Optional<String> id() {
        return Optional.ofNullable(id);
    }

    List<String> finishReasons() {
        return List.copyOf(finishReasons);
    }

    /** The answer as the conventions' output messages (one assistant message), when text was captured. */
    Optional<String> outputMessages() {
        if (!captureText) {
            return Optional.empty();
        }
        ArrayNode messages = JsonNodeFactory.instance.arrayNode();
        ObjectNode message = messages.addObject().put("role", "assistant");
        ArrayNode out = message.putArray("parts");
        if (!text.isEmpty()) {
            out.addObject().put("type", "text").put("content", text.toString());
        }
        if (parts != null) {
            out.addAll(parts);
        }
        if (!finishReasons.isEmpty()) {
            message.put("finish_reason", finishReasons.getLast());
        }
        return Optional.of(messages.toString());
    }
}
