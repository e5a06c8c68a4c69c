package dev.gapwise.gateway.route;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What routing may look at: the requested model, where the request came in, the tiers its caller declared,
 * and the features of its text — never the provider keys.
 *
 * @param model           the model the client asked for, or {@link RoutePlanner#AUTO}
 * @param endpoint        the ingress path, e.g. {@code /v1/chat/completions}
 * @param headerTier      the tier in the {@code x-gapwise-tier} header, if sent
 * @param keyTier         the virtual key's tier, if it has one: a floor, or final when {@code keyTierFixed}
 * @param hasTools        whether the request declares tools
 * @param turns           how many user turns the conversation has
 * @param userText        the last user message's text
 * @param systemText      the system prompt's text ("" when none)
 * @param metadata        the request's string metadata
 * @param maxOutputTokens the output cap the client set, if any
 * @param keyTierFixed    whether the key's tier is final (its owner vouches for its traffic)
 * @param earlierUserText the conversation's earlier user turns, oldest first ("" for one turn)
 */
public record RouteRequest(String model, String endpoint, Optional<String> headerTier, Optional<String> keyTier,
                           boolean hasTools, int turns, String userText, String systemText,
                           Map<String, String> metadata, OptionalLong maxOutputTokens, boolean keyTierFixed,
                           String earlierUserText) {
    public RouteRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(headerTier, "headerTier");
        Objects.requireNonNull(keyTier, "keyTier");
        Objects.requireNonNull(userText, "userText");
        Objects.requireNonNull(systemText, "systemText");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
        Objects.requireNonNull(earlierUserText, "earlierUserText");
    }

    /** A request with only a model and a declared tier (tests, tools). */
    public static RouteRequest of(String model, Optional<String> tier, boolean hasTools) {
        return new RouteRequest(model, "/v1/chat/completions", tier, Optional.empty(), hasTools, 1, "", "", Map.of(),
                OptionalLong.empty(), false, "");
    }

    /** The declared tier: the header's, else the key's. */
    public Optional<String> tier() {
        return headerTier.or(() -> keyTier);
    }
}
