package dev.gapwise.gateway.embeddings;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.call.Usage;
import dev.gapwise.gateway.provider.Provider;
import dev.gapwise.gateway.provider.StreamTracker;
import dev.gapwise.gateway.provider.openai.OpenAiMapping;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Optional;

/**
 * Calls an OpenAI-shaped {@code /embeddings} endpoint: an OpenAI-compatible host's, or, for a provider whose chat
 * dialect is Gemini, Google's OpenAI-compatible one under the Gemini API base ({@code …/v1beta/openai/embeddings},
 * bearer key). Either way the wire is OpenAI's, so the call loop passes the client's request through untranslated.
 * Embeddings never stream. Stateless and thread-safe.
 */
public final class EmbeddingsProvider implements Provider {
    private final String path;

    private EmbeddingsProvider(String path) {
        this.path = path;
    }

    /** The embeddings provider for a host whose chat dialect is {@code dialect}; empty when it offers none. */
    public static Optional<EmbeddingsProvider> forDialect(Dialect dialect) {
        return switch (dialect) {
            case OPENAI -> Optional.of(new EmbeddingsProvider(EmbeddingsWire.PATH));
            case GEMINI -> Optional.of(new EmbeddingsProvider(EmbeddingsWire.GEMINI_OPENAI_PATH));
            case ANTHROPIC -> Optional.empty();
        };
    }

    @Override
    public Dialect dialect() {
        return Dialect.OPENAI;
    }

    @Override
    public URI endpoint(URI baseUrl) {
        return URI.create(baseUrl.toString() + path);
    }

    @Override
    public void authorize(HttpFields.Mutable headers, Optional<String> apiKey) {
        apiKey.ifPresent(key -> headers.put(HttpHeader.AUTHORIZATION, "Bearer " + key));
    }

    @Override
    public ObjectNode prepare(ObjectNode request, String upstreamModel) {
        return EmbeddingsMapping.prepare(request, upstreamModel);
    }

    @Override
    public Optional<Usage> usage(JsonNode response) {
        return EmbeddingsMapping.usage(response);
    }

    /** Never called: an embeddings request is refused when it asks to stream, so no call streams. */
    @Override
    public StreamTracker tracker() {
        throw new IllegalStateException("embeddings do not stream (a stream request is refused at the edge)");
    }

    @Override
    public String errorMessage(byte[] body) {
        return OpenAiMapping.errorMessage(body);
    }
}
