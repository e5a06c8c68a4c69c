package dev.gapwise.gateway.provider.anthropic;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.call.Usage;
import dev.gapwise.gateway.provider.Provider;
import dev.gapwise.gateway.provider.SseEvent;
import dev.gapwise.gateway.provider.StreamTracker;
import org.eclipse.jetty.http.HttpFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Optional;

/** Calls Anthropic's {@code /v1/messages}. Stateless and thread-safe. */
public final class AnthropicProvider implements Provider {
    @Override
    public Dialect dialect() {
        return Dialect.ANTHROPIC;
    }

    @Override
    public URI endpoint(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base.endsWith("/v1") ? base + AnthropicWire.PATH : base + "/v1" + AnthropicWire.PATH);
    }

    @Override
    public void authorize(HttpFields.Mutable headers, Optional<String> apiKey) {
        apiKey.ifPresent(key -> headers.put("x-api-key", key));
        headers.put("anthropic-version", AnthropicWire.VERSION);
    }

    @Override
    public ObjectNode prepare(ObjectNode request, String upstreamModel) {
        return AnthropicMapping.prepare(request, upstreamModel);
    }

    @Override
    public Optional<Usage> usage(JsonNode response) {
        return AnthropicMapping.usage(response.path("usage"), AnthropicWire.Usage.NONE).map(AnthropicMapping::billed);
    }

    @Override
    public StreamTracker tracker() {
        return new Tracker();
    }

    @Override
    public String errorMessage(byte[] body) {
        return AnthropicMapping.errorMessage(body);
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
                case AnthropicWire.MESSAGE_START -> AnthropicMapping.usage(json.path("message").path("usage"),
                        AnthropicWire.Usage.NONE).ifPresent(u -> usage = u);
                case AnthropicWire.MESSAGE_DELTA -> AnthropicMapping.usage(json.path("usage"),
                        usage == null ? AnthropicWire.Usage.NONE : usage).ifPresent(u -> usage = u);
                case AnthropicWire.CONTENT_BLOCK_DELTA -> characters += AnthropicMapping.streamedCharacters(json);
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
                return AnthropicMapping.billed(usage);
            }
            if (usage == null) {
                return Usage.estimated(Usage.estimateTokens(promptCharacters), Usage.estimateTokens(characters));
            }
            // cut short: the prompt side as reported at message_start, the output estimated from the text so far
            Usage prompt = AnthropicMapping.billed(usage);
            return new Usage(prompt.inputTokens(), Math.min(Usage.estimateTokens(characters), Usage.MAX_TOKENS),
                    prompt.cacheReadTokens(), prompt.cacheWriteTokens(),
                    prompt.cacheWrite1hTokens(), 0, true, prompt.anomaly());
        }
    }
}
