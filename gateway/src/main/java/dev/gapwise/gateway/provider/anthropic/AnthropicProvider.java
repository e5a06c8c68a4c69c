package dev.gapwise.gateway.provider.anthropic;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.call.Usage;
import dev.gapwise.gateway.provider.Provider;
import dev.gapwise.gateway.provider.SseEvent;
import dev.gapwise.gateway.provider.StreamTracker;
import dev.gapwise.gateway.provider.TokenCount;
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
        return AnthropicMapping.usage(response.path("usage"))
                .map(u -> Usage.reported(u.inputTokens(), u.outputTokens()));
    }

    @Override
    public StreamTracker tracker() {
        return new Tracker();
    }

    @Override
    public String errorMessage(byte[] body) {
        return AnthropicMapping.errorMessage(body);
    }

    /** Complete at {@code message_stop}; input tokens come with {@code message_start}, output with deltas. */
    private static final class Tracker implements StreamTracker {
        private boolean stopped;
        private long characters;
        private long inputTokens = -1;
        private long outputTokens = -1;
        private String error;

        @Override
        public void accept(SseEvent event) {
            JsonNode json = event.json();
            if (json == null) {
                return;
            }
            String type = json.path("type").asString("");
            switch (type) {
                case AnthropicWire.MESSAGE_START -> AnthropicMapping.usage(json.path("message").path("usage"))
                        .ifPresent(u -> {
                            inputTokens = u.inputTokens();
                            outputTokens = Math.max(outputTokens, u.outputTokens());
                        });
                case AnthropicWire.MESSAGE_DELTA -> {
                    JsonNode usage = json.path("usage");
                    TokenCount.of(usage.path("output_tokens")).ifPresent(count -> outputTokens = count);
                    if (usage.path("input_tokens").isNumber()) {
                        inputTokens = AnthropicMapping.usage(usage).orElseThrow().inputTokens();
                    }
                }
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
            if (stopped && inputTokens >= 0 && outputTokens >= 0) {
                return Usage.reported(inputTokens, outputTokens);
            }
            return Usage.estimated(inputTokens >= 0 ? inputTokens : Usage.estimateTokens(promptCharacters),
                    Usage.estimateTokens(characters));
        }
    }
}
