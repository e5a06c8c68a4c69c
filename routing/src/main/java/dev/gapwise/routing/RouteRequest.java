package dev.gapwise.routing;

import dev.gapwise.routing.classify.RequestText;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What routing needs to know about a request, already extracted from the wire format by the gateway. Build one
 * with {@link #of(String)} and the {@code with…} methods.
 *
 * @param prompt               the latest user turn's text
 * @param context              the conversation's earlier user turns, oldest first ("" for one turn)
 * @param systemPrompt         the system prompt, or empty
 * @param turns                number of user turns
 * @param tools                whether the request offers tools
 * @param modelAlias           the model the caller asked for, e.g. {@code auto}
 * @param endpoint             the API path, e.g. {@code /v1/chat/completions}
 * @param headers              request headers, names lower-cased
 * @param metadata             request metadata (OpenAI {@code metadata}, Anthropic {@code metadata})
 * @param keyTier              the calling API key's tier, if it has one
 * @param expectedOutputTokens the caller's {@code max_tokens}, if given (else the policy's estimate is used)
 */
public record RouteRequest(String prompt, String context, String systemPrompt, int turns, boolean tools,
                           String modelAlias, String endpoint, Map<String, String> headers,
                           Map<String, String> metadata, Optional<KeyTier> keyTier,
                           Optional<Long> expectedOutputTokens) {
    /** The request header that declares a tier. */
    public static final String TIER_HEADER = "x-gapwise-tier";
    /** The metadata key that declares a tier. */
    public static final String TIER_METADATA = "gapwise_tier";

    /**
     * An API key's tier: a floor the request may be raised above (by a rule, a declared tier or the classifiers),
     * or, when its owner vouches for its traffic ({@code fixed}), the tier every request of the key gets.
     */
    public record KeyTier(String tier, boolean fixed) {
        public KeyTier {
            Objects.requireNonNull(tier, "tier");
        }
    }

    public RouteRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(modelAlias, "modelAlias");
        Objects.requireNonNull(endpoint, "endpoint");
        TreeMap<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(keyTier, "keyTier");
        Objects.requireNonNull(expectedOutputTokens, "expectedOutputTokens");
    }

    /** A one-turn chat request to {@code auto} with nothing else set. */
    public static RouteRequest of(String prompt) {
        return new RouteRequest(prompt, "", "", 1, false, "auto", "/v1/chat/completions", Map.of(), Map.of(),
                Optional.empty(), Optional.empty());
    }

    /** The text as the classifiers read it: the latest turn split into instruction and pasted material. */
    public RequestText text() {
        return RequestText.of(prompt, context);
    }

    public RouteRequest withContext(String earlierUserTurns) {
        return new RouteRequest(prompt, earlierUserTurns, systemPrompt, turns, tools, modelAlias, endpoint, headers,
                metadata, keyTier, expectedOutputTokens);
    }

    public RouteRequest withSystemPrompt(String value) {
        return new RouteRequest(prompt, context, value, turns, tools, modelAlias, endpoint, headers, metadata, keyTier,
                expectedOutputTokens);
    }

    public RouteRequest withShape(int turnCount, boolean offersTools) {
        return new RouteRequest(prompt, context, systemPrompt, turnCount, offersTools, modelAlias, endpoint, headers,
                metadata, keyTier, expectedOutputTokens);
    }

    public RouteRequest withModelAlias(String value) {
        return new RouteRequest(prompt, context, systemPrompt, turns, tools, value, endpoint, headers, metadata,
                keyTier, expectedOutputTokens);
    }

    public RouteRequest withEndpoint(String value) {
        return new RouteRequest(prompt, context, systemPrompt, turns, tools, modelAlias, value, headers, metadata,
                keyTier, expectedOutputTokens);
    }

    public RouteRequest withHeaders(Map<String, String> value) {
        return new RouteRequest(prompt, context, systemPrompt, turns, tools, modelAlias, endpoint, value, metadata,
                keyTier, expectedOutputTokens);
    }

    public RouteRequest withMetadata(Map<String, String> value) {
        return new RouteRequest(prompt, context, systemPrompt, turns, tools, modelAlias, endpoint, headers, value,
                keyTier, expectedOutputTokens);
    }

    /** The calling key's tier as a floor (the request may be raised above it, never lowered). */
    public RouteRequest withApiKeyTier(String tier) {
        return withKeyTier(new KeyTier(tier, false));
    }

    public RouteRequest withKeyTier(KeyTier tier) {
        return new RouteRequest(prompt, context, systemPrompt, turns, tools, modelAlias, endpoint, headers, metadata,
                Optional.of(tier), expectedOutputTokens);
    }

    public RouteRequest withExpectedOutputTokens(long tokens) {
        return new RouteRequest(prompt, context, systemPrompt, turns, tools, modelAlias, endpoint, headers, metadata,
                keyTier, Optional.of(tokens));
    }

    /** Input tokens estimated as characters / 4 (all turns and the system prompt). */
    public long estimatedInputTokens() {
        return Math.max(1, (prompt.length() + context.length() + systemPrompt.length() + 3) / 4);
    }
}
