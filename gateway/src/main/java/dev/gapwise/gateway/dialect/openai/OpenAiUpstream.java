package dev.gapwise.gateway.dialect.openai;

import dev.gapwise.gateway.dialect.DialectUpstream;
import dev.gapwise.gateway.dialect.StreamTracker;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.neutral.TokenCount;
import dev.gapwise.gateway.dialect.neutral.Usage;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Calls OpenAI-compatible {@code /chat/completions} endpoints: Bearer key, usage read from the completion or the
 * final usage chunk (which the gateway always asks for). Stateless and thread-safe.
 */
final class OpenAiUpstream implements DialectUpstream {
    private static final java.util.Set<String> USAGE_FIELDS = java.util.Set.of("usage");

    @Override
    public URI endpoint(URI baseUrl) {
        return URI.create(baseUrl.toString() + OpenAiWire.PATH);
    }

    @Override
    public Optional<URI> countEndpoint(URI chatEndpoint) {
        return Optional.empty();
    }

    @Override
    public void authorize(HttpFields.Mutable headers, Optional<String> apiKey) {
        apiKey.ifPresent(key -> headers.put(HttpHeader.AUTHORIZATION, "Bearer " + key));
    }

    @Override
    public ObjectNode prepare(ObjectNode request, String upstreamModel) {
        return aimed(request, upstreamModel);
    }

    @Override
    public java.util.Set<String> usageFields() {
        return USAGE_FIELDS;
    }

    @Override
    public Optional<Usage> usage(JsonNode response) {
        return wireUsage(response).map(OpenAiUpstream::billed);
    }

    @Override
    public StreamTracker tracker() {
        return new Tracker();
    }

    @Override
    public String errorMessage(byte[] body) {
        return message(body);
    }

    /** The usage block of a completion or chunk, when present and numeric. */
    static Optional<OpenAiWire.Usage> wireUsage(JsonNode body) {
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
    static ObjectNode aimed(ObjectNode request, String model) {
        ObjectNode copy = Json.shallowCopy(request);
        copy.put("model", model);
        if (copy.path("stream").asBoolean(false)) {
            JsonNode options = copy.path("stream_options");
            ObjectNode streamOptions = options.isObject() ? ((ObjectNode) options).deepCopy() : copy.objectNode();
            streamOptions.put("include_usage", true);
            copy.set("stream_options", streamOptions);
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
    static String message(byte[] body) {
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

    /** Complete at {@code [DONE]}, or after a finish reason and usage (some hosts omit {@code [DONE]}). */
    private static final class Tracker implements StreamTracker {
        private boolean done;
        private boolean finished;
        private long characters;
        private Usage usage;
        private String error;

        @Override
        public void accept(SseEvent event) {
            if (OpenAiWire.DONE.equals(event.data())) {
                done = true;
                return;
            }
            JsonNode json = event.json();
            if (json == null) {
                return;
            }
            if (json.path("error").isObject()) {
                error = json.path("error").path("message").asString("upstream error inside the stream");
                return;
            }
            characters += streamedCharacters(json);
            finished |= finishes(json);
            wireUsage(json).ifPresent(u -> usage = billed(u));
        }

        @Override
        public boolean complete() {
            return error == null && (done || (finished && usage != null));
        }

        @Override
        public Optional<String> error() {
            return Optional.ofNullable(error);
        }

        @Override
        public Usage usage(long promptCharacters) {
            return usage != null ? usage
                    : Usage.estimated(Usage.estimateTokens(promptCharacters), Usage.estimateTokens(characters));
        }
    }
}
