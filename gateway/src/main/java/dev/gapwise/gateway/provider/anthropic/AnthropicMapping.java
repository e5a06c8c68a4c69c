package dev.gapwise.gateway.provider.anthropic;

import dev.gapwise.gateway.provider.Json;
import dev.gapwise.gateway.provider.TokenCount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Pure functions between Anthropic wire JSON and the gateway's values. */
public final class AnthropicMapping {
    private AnthropicMapping() {
    }

    /** The usage object of a message (or of a stream event's message), when present. */
    static Optional<AnthropicWire.Usage> usage(JsonNode usage) {
        if (!usage.isObject()) {
            return Optional.empty();
        }
        long input = TokenCount.sum(TokenCount.sum(TokenCount.of(usage.path("input_tokens"), 0),
                TokenCount.of(usage.path("cache_creation_input_tokens"), 0)),
                TokenCount.of(usage.path("cache_read_input_tokens"), 0));
        return Optional.of(new AnthropicWire.Usage(input, TokenCount.of(usage.path("output_tokens"), 0)));
    }

    /** A copy aimed at {@code model}. */
    static ObjectNode prepare(ObjectNode request, String model) {
        ObjectNode copy = request.deepCopy();
        copy.put("model", model);
        return copy;
    }

    /** Characters of generated text or tool input in a {@code content_block_delta} event. */
    static long streamedCharacters(JsonNode event) {
        JsonNode delta = event.path("delta");
        return delta.path("text").asString("").length() + delta.path("partial_json").asString("").length()
                + delta.path("thinking").asString("").length();
    }

    /** The message of an Anthropic error body ({@code {"type":"error","error":{"message":…}}}), else an excerpt. */
    public static String errorMessage(byte[] body) {
        JsonNode json = Json.parseOrNull(body);
        if (json != null && json.path("error").path("message").isString()) {
            return json.path("error").path("message").stringValue();
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
