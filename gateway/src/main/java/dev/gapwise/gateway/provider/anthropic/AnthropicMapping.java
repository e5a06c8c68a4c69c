package dev.gapwise.gateway.provider.anthropic;

import dev.gapwise.gateway.call.Usage;
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

    /**
     * The usage object of a message (or of a stream event), when present; {@code earlier} supplies the counts the
     * object leaves out (a stream's {@code message_delta} may repeat only some of {@code message_start}'s).
     */
    static Optional<AnthropicWire.Usage> usage(JsonNode usage, AnthropicWire.Usage earlier) {
        if (!usage.isObject()) {
            return Optional.empty();
        }
        long write = TokenCount.of(usage.path("cache_creation_input_tokens"), earlier.cacheWriteTokens() + earlier.cacheWrite1hTokens());
        JsonNode split = usage.path("cache_creation");
        long write1h = split.isObject() ? TokenCount.of(split.path("ephemeral_1h_input_tokens"), 0)
                : usage.has("cache_creation_input_tokens") ? 0 : earlier.cacheWrite1hTokens();
        long write5m = split.isObject() ? TokenCount.of(split.path("ephemeral_5m_input_tokens"), Math.max(0, write - write1h))
                : Math.max(0, write - write1h);
        return Optional.of(new AnthropicWire.Usage(TokenCount.of(usage.path("input_tokens"), earlier.inputTokens()),
                TokenCount.of(usage.path("output_tokens"), earlier.outputTokens()),
                TokenCount.of(usage.path("cache_read_input_tokens"), earlier.cacheReadTokens()), write5m, write1h));
    }

    /** Usage as billed: Anthropic reports input, cache reads and cache writes apart, each at its own rate. */
    static Usage billed(AnthropicWire.Usage usage) {
        return Usage.reported(usage.inputTokens(), usage.outputTokens(), usage.cacheReadTokens(),
                usage.cacheWriteTokens(), usage.cacheWrite1hTokens(), 0);
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
