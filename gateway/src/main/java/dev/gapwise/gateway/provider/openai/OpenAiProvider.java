package dev.gapwise.gateway.provider.openai;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.call.Usage;
import dev.gapwise.gateway.provider.Provider;
import dev.gapwise.gateway.provider.SseEvent;
import dev.gapwise.gateway.provider.StreamTracker;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Optional;

/** Calls OpenAI-compatible {@code /chat/completions} endpoints. Stateless and thread-safe. */
public final class OpenAiProvider implements Provider {
    @Override
    public Dialect dialect() {
        return Dialect.OPENAI;
    }

    @Override
    public URI endpoint(URI baseUrl) {
        return URI.create(baseUrl.toString() + OpenAiWire.PATH);
    }

    @Override
    public void authorize(HttpFields.Mutable headers, Optional<String> apiKey) {
        apiKey.ifPresent(key -> headers.put(HttpHeader.AUTHORIZATION, "Bearer " + key));
    }

    @Override
    public ObjectNode prepare(ObjectNode request, String upstreamModel) {
        return OpenAiMapping.prepare(request, upstreamModel);
    }

    @Override
    public Optional<Usage> usage(JsonNode response) {
        return OpenAiMapping.usage(response).map(OpenAiMapping::billed);
    }

    @Override
    public StreamTracker tracker() {
        return new Tracker();
    }

    @Override
    public String errorMessage(byte[] body) {
        return OpenAiMapping.errorMessage(body);
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
            characters += OpenAiMapping.streamedCharacters(json);
            finished |= OpenAiMapping.finishes(json);
            OpenAiMapping.usage(json).ifPresent(u -> usage = OpenAiMapping.billed(u));
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
