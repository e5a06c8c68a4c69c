package dev.gapwise.gateway.provider.openai;

import dev.gapwise.gateway.call.Usage;
import dev.gapwise.gateway.provider.Json;
import dev.gapwise.gateway.provider.TokenCount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Pure functions between OpenAI wire JSON and the gateway's values. */
public final class OpenAiMapping {
    private OpenAiMapping() {
    }

    /** The usage block of a completion or chunk, when present and numeric. */
    static Optional<OpenAiWire.Usage> usage(JsonNode body) {
        JsonNode usage = body.path("usage");
        if (!usage.isObject() || !usage.path("prompt_tokens").isNumber()) {
            return Optional.empty();
        }
        long prompt = TokenCount.of(usage.path("prompt_tokens"), 0);
        long cached = TokenCount.of(usage.path("prompt_tokens_details").path("cached_tokens"))
                .orElse(TokenCount.of(usage.path("prompt_cache_hit_tokens"), 0));
        return Optional.of(new OpenAiWire.Usage(prompt, TokenCount.of(usage.path("completion_tokens"), 0), cached,
                TokenCount.of(usage.path("completion_tokens_details").path("reasoning_tokens"), 0)));
    }

    /**
     * Usage as billed: cached prompt tokens (OpenAI's {@code prompt_tokens_details.cached_tokens}, DeepSeek's {@code
     * prompt_cache_hit_tokens}) are part of {@code prompt_tokens} and move to their own rate; reasoning tokens are
     * part of {@code completion_tokens}, billed as output.
     */
    static Usage billed(OpenAiWire.Usage usage) {
        long cached = Math.max(0, Math.min(usage.cachedTokens(), usage.promptTokens()));
        return Usage.reported(usage.promptTokens() - cached, usage.completionTokens(), cached,
                0, 0, usage.reasoningTokens());
    }

    /** A copy aimed at {@code model}; a streamed request also asks for the final usage chunk. */
    static ObjectNode prepare(ObjectNode request, String model) {
        ObjectNode copy = request.deepCopy();
        copy.put("model", model);
        if (copy.path("stream").asBoolean(false)) {
            JsonNode options = copy.path("stream_options");
            ObjectNode streamOptions = options.isObject() ? (ObjectNode) options : copy.putObject("stream_options");
            streamOptions.put("include_usage", true);
        }
        return copy;
    }

    /** Characters of generated text (content and tool-call arguments) in one stream chunk. */
    static long streamedCharacters(JsonNode chunk) {
        long count = 0;
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode delta = choice.path("delta");
            count += delta.path("content").asString("").length();
            for (JsonNode call : delta.path("tool_calls")) {
                count += call.path("function").path("arguments").asString("").length();
            }
        }
        return count;
    }

    /** True when a chunk carries a finish reason. */
    static boolean finishes(JsonNode chunk) {
        for (JsonNode choice : chunk.path("choices")) {
            if (choice.path("finish_reason").isString()) {
                return true;
            }
        }
        return false;
    }

    /** The message of an OpenAI error body ({@code {"error":{"message":…}}}), else a body excerpt. */
    public static String errorMessage(byte[] body) {
        JsonNode json = Json.parseOrNull(body);
        if (json != null) {
            JsonNode error = json.path("error");
            if (error.isObject() && error.path("message").isString()) {
                return error.path("message").stringValue();
            }
            if (error.isString()) {
                return error.stringValue();
            }
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
