package dev.gapwise.routing;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What routing needs to know about a request, already extracted from the wire format by the gateway.
 *
 * @param prompt               the user text (all user turns, newest last)
 * @param systemPrompt         the system prompt, or empty
 * @param turns                number of user turns
 * @param tools                whether the request offers tools
 * @param modelAlias           the model the caller asked for, e.g. {@code auto}
 * @param endpoint             the API path, e.g. {@code /v1/chat/completions}
 * @param headers              request headers, names lower-cased
 * @param metadata             request metadata (OpenAI {@code metadata}, Anthropic {@code metadata})
 * @param apiKeyTier           the calling API key's default tier, if it has one
 * @param expectedOutputTokens the caller's {@code max_tokens}, if given (else the policy's estimate is used)
 */
public record RouteRequest(String prompt, String systemPrompt, int turns, boolean tools, String modelAlias,
                           String endpoint, Map<String, String> headers, Map<String, String> metadata,
                           Optional<String> apiKeyTier, Optional<Long> expectedOutputTokens) {
    /** The request header that declares a tier. */
    public static final String TIER_HEADER = "x-gapwise-tier";
    /** The metadata key that declares a tier. */
    public static final String TIER_METADATA = "gapwise_tier";

    public RouteRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(modelAlias, "modelAlias");
        Objects.requireNonNull(endpoint, "endpoint");
        TreeMap<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(apiKeyTier, "apiKeyTier");
        Objects.requireNonNull(expectedOutputTokens, "expectedOutputTokens");
    }

    /** A one-turn chat request to {@code auto} with nothing else set. */
    public static RouteRequest of(String prompt) {
        return new RouteRequest(prompt, "", 1, false, "auto", "/v1/chat/completions", Map.of(), Map.of(),
                Optional.empty(), Optional.empty());
    }

    public RouteRequest withSystemPrompt(String value) {
        return new RouteRequest(prompt, value, turns, tools, modelAlias, endpoint, headers, metadata, apiKeyTier,
                expectedOutputTokens);
    }

    public RouteRequest withShape(int turnCount, boolean offersTools) {
        return new RouteRequest(prompt, systemPrompt, turnCount, offersTools, modelAlias, endpoint, headers, metadata,
                apiKeyTier, expectedOutputTokens);
    }

    public RouteRequest withModelAlias(String value) {
        return new RouteRequest(prompt, systemPrompt, turns, tools, value, endpoint, headers, metadata, apiKeyTier,
                expectedOutputTokens);
    }

    public RouteRequest withEndpoint(String value) {
        return new RouteRequest(prompt, systemPrompt, turns, tools, modelAlias, value, headers, metadata, apiKeyTier,
                expectedOutputTokens);
    }

    public RouteRequest withHeaders(Map<String, String> value) {
        return new RouteRequest(prompt, systemPrompt, turns, tools, modelAlias, endpoint, value, metadata, apiKeyTier,
                expectedOutputTokens);
    }

    public RouteRequest withMetadata(Map<String, String> value) {
        return new RouteRequest(prompt, systemPrompt, turns, tools, modelAlias, endpoint, headers, value, apiKeyTier,
                expectedOutputTokens);
    }

    public RouteRequest withApiKeyTier(String tier) {
        return new RouteRequest(prompt, systemPrompt, turns, tools, modelAlias, endpoint, headers, metadata,
                Optional.of(tier), expectedOutputTokens);
    }

    public RouteRequest withExpectedOutputTokens(long tokens) {
        return new RouteRequest(prompt, systemPrompt, turns, tools, modelAlias, endpoint, headers, metadata, apiKeyTier,
                Optional.of(tokens));
    }

    /** Input tokens estimated as characters / 4 (prompt and system prompt). */
    public long estimatedInputTokens() {
        return Math.max(1, (prompt.length() + systemPrompt.length() + 3) / 4);
    }
}
