package dev.gapwise.gateway.dialect.anthropic;

import dev.gapwise.gateway.dialect.DialectUpstream;
import dev.gapwise.gateway.dialect.StreamTracker;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.neutral.TokenCount;
import dev.gapwise.gateway.dialect.neutral.Usage;
import org.eclipse.jetty.http.HttpFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Calls Anthropic's {@code /v1/messages}. Stateless and thread-safe. */
final class AnthropicUpstream implements DialectUpstream {
    private static final java.util.Set<String> USAGE_FIELDS = java.util.Set.of("usage");

    @Override
    public URI endpoint(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base.endsWith("/v1") ? base + AnthropicWire.PATH : base + "/v1" + AnthropicWire.PATH);
    }

    @Override
    public Optional<URI> countEndpoint(URI chatEndpoint) {
        return Optional.of(URI.create(chatEndpoint + AnthropicWire.COUNT_PATH));
    }

    @Override
    public void authorize(HttpFields.Mutable headers, Optional<String> apiKey) {
        apiKey.ifPresent(key -> headers.put("x-api-key", key));
        headers.put("anthropic-version", AnthropicWire.VERSION);
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
        return wireUsage(response.path("usage"), AnthropicWire.Usage.NONE).map(AnthropicUpstream::billed);
    }

    @Override
    public StreamTracker tracker() {
        return new Tracker();
    }

    @Override
    public String errorMessage(byte[] body) {
        return message(body);
    }

    /**
     * The usage object of a message (or of a stream event), when present; {@code earlier} supplies the counts the
     * object leaves out (a stream's {@code message_delta} may repeat only some of {@code message_start}'s).
     */
    static Optional<AnthropicWire.Usage> wireUsage(JsonNode usage, AnthropicWire.Usage earlier) {
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
    static ObjectNode aimed(ObjectNode request, String model) {
        ObjectNode copy = Json.shallowCopy(request);
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
    static String message(byte[] body) {
        JsonNode json = Json.parseOrNull(body);
        if (json != null && json.path("error").path("message").isString()) {
            return json.path("error").path("message").stringValue();
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** Complete at {@code message_stop}; input and cache tokens come with {@code message_start}, output with deltas. */
    private static final class Tracker implements StreamTracker {
        private boolean stopped;
        private long characters;
        private AnthropicWire.Usage usage;
        private String error;

        @Override
        public void accept(SseEvent event) {
            JsonNode json = event.json();
            if (json == null) {
                return;
            }
            String type = json.path("type").asString("");
            switch (type) {
                case AnthropicWire.MESSAGE_START -> wireUsage(json.path("message").path("usage"),
                        AnthropicWire.Usage.NONE).ifPresent(u -> usage = u);
                case AnthropicWire.MESSAGE_DELTA -> wireUsage(json.path("usage"),
                        usage == null ? AnthropicWire.Usage.NONE : usage).ifPresent(u -> usage = u);
                case AnthropicWire.CONTENT_BLOCK_DELTA -> characters += streamedCharacters(json);
                case AnthropicWire.MESSAGE_STOP -> stopped = true;
                case AnthropicWire.ERROR -> error = json.path("error").path("message").asString("upstream error");
                default -> {
                }
            }
        }

        @Override
        public boolean complete() {
            return stopped && error == null;
        }

        @Override
        public Optional<String> error() {
            return Optional.ofNullable(error);
        }

        @Override
        public Usage usage(long promptCharacters) {
            if (stopped && usage != null) {
                return billed(usage);
            }
            if (usage == null) {
                return Usage.estimated(Usage.estimateTokens(promptCharacters), Usage.estimateTokens(characters));
            }
            // cut short: the prompt side as reported at message_start, the output estimated from the text so far
            Usage prompt = billed(usage);
            return new Usage(prompt.inputTokens(), Math.min(Usage.estimateTokens(characters), Usage.MAX_TOKENS),
                    prompt.cacheReadTokens(), prompt.cacheWriteTokens(),
                    prompt.cacheWrite1hTokens(), 0, true, prompt.anomaly());
        }
    }
}
