package dev.gapwise.gateway.embeddings;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.DialectUpstream;
import dev.gapwise.gateway.dialect.StreamTracker;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.dialect.neutral.Usage;
import dev.gapwise.gateway.dialect.openai.OpenAiDialect;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Optional;

/**
 * Calls an OpenAI-shaped {@code /embeddings} endpoint: an OpenAI-compatible host's, or, for a provider whose chat
 * dialect is Gemini, Google's OpenAI-compatible one under the Gemini API base ({@code …/v1beta/openai/embeddings},
 * bearer key). Either way the wire is OpenAI's: the call loop gets the OpenAI dialect with this upstream side, so
 * the client's request passes through untranslated. Embeddings never stream. Stateless and thread-safe.
 */
public final class EmbeddingsUpstream implements DialectUpstream {
    private final String path;

    private EmbeddingsUpstream(String path) {
        this.path = path;
    }

    /**
     * The OpenAI dialect calling the embeddings endpoint of a host whose chat dialect is {@code dialect}; empty
     * when the host offers none.
     */
    public static Optional<WireDialect> forDialect(Dialect dialect) {
        return switch (dialect) {
            case OPENAI -> Optional.of(wire(EmbeddingsWire.PATH));
            case GEMINI -> Optional.of(wire(EmbeddingsWire.GEMINI_OPENAI_PATH));
            case ANTHROPIC -> Optional.empty();
        };
    }

    private static WireDialect wire(String path) {
        WireDialect openAi = OpenAiDialect.DIALECT;
        return new WireDialect(DialectKind.OPENAI, openAi.ingress(), openAi.mapping(), new EmbeddingsUpstream(path));
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
        return OpenAiDialect.DIALECT.upstream().errorMessage(body);
    }
}
