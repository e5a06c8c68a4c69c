package dev.gapwise.gateway.dialect.gemini;

import dev.gapwise.gateway.dialect.DialectUpstream;
import dev.gapwise.gateway.dialect.StreamTracker;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.neutral.Usage;
import org.eclipse.jetty.http.HttpFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Calls Google's Gemini API: {@code {base}/models/{model}:generateContent}, or {@code :streamGenerateContent?alt=sse}
 * for a stream, the key in {@code x-goog-api-key} (never in the URL, where it could reach a log). The body goes
 * without the {@code model} and {@code stream} the ingress added. Usage from {@code usageMetadata}: cached content
 * at the cache-read rate, thinking as output. Stateless and thread-safe.
 */
public final class GeminiUpstream implements DialectUpstream {
    private static final java.util.Set<String> USAGE_FIELDS = java.util.Set.of("usageMetadata");

    @Override
    public URI endpoint(URI baseUrl) {
        String base = baseUrl.toString();
        return URI.create(base + (base.endsWith("/") ? "" : "/") + "models/");
    }

    @Override
    public URI endpoint(URI endpoint, String upstreamModel, boolean stream) {
        String model = upstreamModel.startsWith("models/") ? upstreamModel.substring("models/".length()) : upstreamModel;
        return URI.create(endpoint + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20") + ":"
                + (stream ? GeminiWire.STREAM + "?alt=sse" : GeminiWire.GENERATE));
    }

    @Override
    public void authorize(HttpFields.Mutable headers, Optional<String> apiKey) {
        apiKey.ifPresent(key -> headers.put(GeminiWire.API_KEY_HEADER, key));
    }

    @Override
    public ObjectNode prepare(ObjectNode request, String upstreamModel) {
        ObjectNode copy = Json.shallowCopy(request);
        copy.remove("model");
        copy.remove("stream");
        return copy;
    }

    @Override
    public java.util.Set<String> usageFields() {
        return USAGE_FIELDS;
    }

    @Override
    public Optional<Usage> usage(JsonNode response) {
        return response.path("usageMetadata").isObject() ? Optional.of(billed(response.path("usageMetadata")))
                : Optional.empty();
    }

    /** {@code usageMetadata} as billed: the prompt's cached part at the cache rate, thinking as output. */
    static Usage billed(JsonNode metadata) {
        GeminiWire.Usage usage = GeminiMapping.usage(metadata);
        long prompt = usage.prompt() + usage.toolUsePrompt();
        long cached = Math.min(usage.cached(), prompt);
        return Usage.reported(prompt - cached, usage.candidates() + usage.thoughts(), cached, 0, 0, usage.thoughts());
    }

    @Override
    public StreamTracker tracker() {
        return new Tracker();
    }

    @Override
    public String errorMessage(byte[] body) {
        JsonNode json = Json.parseOrNull(body);
        if (json != null && json.path("error").path("message").isString()) {
            return json.path("error").path("message").stringValue();
        }
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return text.isBlank() ? "upstream error with an empty body" : text;
    }

    /** Complete at the chunk that carries a finish reason (Gemini streams have no terminator). */
    private static final class Tracker implements StreamTracker {
        private boolean finished;
        private long characters;
        private Usage usage;
        private String error;

        @Override
        public void accept(SseEvent event) {
            JsonNode json = event.json();
            if (json == null) {
                return;
            }
            if (json.path("error").isObject()) {
                error = json.path("error").path("message").asString("upstream error inside the stream");
                return;
            }
            JsonNode candidate = json.path("candidates").path(0);
            for (JsonNode part : candidate.path("content").path("parts")) {
                characters += part.path("text").asString("").length();
                if (part.has("functionCall")) {
                    characters += Json.write(part.path("functionCall")).length();
                }
            }
            if (json.path("usageMetadata").isObject()) {
                usage = billed(json.path("usageMetadata"));
            }
            String finish = candidate.path("finishReason").asString("");
            finished |= !finish.isEmpty() && !finish.equals("FINISH_REASON_UNSPECIFIED");
        }

        @Override
        public boolean complete() {
            return error == null && finished;
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
