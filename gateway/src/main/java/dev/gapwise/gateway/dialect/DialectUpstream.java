package dev.gapwise.gateway.dialect;

import dev.gapwise.gateway.dialect.neutral.Usage;
import org.eclipse.jetty.http.HttpFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Optional;

/** The upstream side of a dialect: how the call loop calls a provider speaking it. Stateless and thread-safe. */
public interface DialectUpstream {

    /** The chat endpoint under a provider's base URL. */
    URI endpoint(URI baseUrl);

    /**
     * The URL of one call to {@code endpoint} (what {@link #endpoint(URI)} gave): the same for most dialects;
     * Gemini's names the model and whether it streams.
     */
    default URI endpoint(URI endpoint, String upstreamModel, boolean stream) {
        return endpoint;
    }

    /**
     * The endpoint that counts a request's input tokens exactly (Anthropic's {@code /v1/messages/count_tokens}),
     * given the chat endpoint; empty when the dialect has none.
     */
    default Optional<URI> countEndpoint(URI chatEndpoint) {
        return Optional.empty();
    }

    /** Adds the provider's authentication and version headers; keyless local servers get none. */
    void authorize(HttpFields.Mutable headers, Optional<String> apiKey);

    /** A copy of a request already in this dialect, aimed at {@code upstreamModel}, asking for stream usage. */
    ObjectNode prepare(ObjectNode request, String upstreamModel);

    /** The token counts of a complete (non-streamed) response, when it reports them. */
    Optional<Usage> usage(JsonNode response);

    /**
     * The top-level fields of a complete response that {@link #usage} reads, when that is all it reads: a response
     * relayed to a client of the same dialect is then parsed for these fields alone (the rest is skipped, not
     * built into a tree). Empty: parse the whole response.
     */
    default java.util.Set<String> usageFields() {
        return java.util.Set.of();
    }

    /** A fresh tracker for one upstream stream. */
    StreamTracker tracker();

    /** The message of an upstream error body, or a short excerpt of the body when it has none. */
    String errorMessage(byte[] body);
}
