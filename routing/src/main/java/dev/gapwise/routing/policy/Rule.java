package dev.gapwise.routing.policy;

import dev.gapwise.routing.RouteRequest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered tier rule: when every given condition holds, the request gets {@code tier}. Model aliases and
 * endpoints match exactly or with a trailing {@code *}; system-prompt markers match case-insensitively as
 * substrings (any one marker suffices); metadata entries must all be present with equal values.
 *
 * @param name                 a label for explanations, e.g. "rule 2 (legal team)"
 * @param model                model alias pattern
 * @param endpoint             endpoint pattern
 * @param systemPromptMarkers  substrings of the system prompt, any of which matches
 * @param metadata             required metadata entries
 * @param tier                 the tier it assigns
 */
public record Rule(String name, Optional<String> model, Optional<String> endpoint, List<String> systemPromptMarkers,
                   Map<String, String> metadata, String tier) {
    public Rule {
        systemPromptMarkers = List.copyOf(systemPromptMarkers);
        metadata = Map.copyOf(metadata);
    }

    /** Why it matched, or empty when it does not. */
    public Optional<String> match(RouteRequest request) {
        if (model.isPresent() && !glob(model.get(), request.modelAlias())) {
            return Optional.empty();
        }
        if (endpoint.isPresent() && !glob(endpoint.get(), request.endpoint())) {
            return Optional.empty();
        }
        String marker = null;
        if (!systemPromptMarkers.isEmpty()) {
            String system = request.systemPrompt().toLowerCase(Locale.ROOT);
            marker = systemPromptMarkers.stream().filter(m -> system.contains(m.toLowerCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            if (marker == null) {
                return Optional.empty();
            }
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (!entry.getValue().equals(request.metadata().get(entry.getKey()))) {
                return Optional.empty();
            }
        }
        StringBuilder why = new StringBuilder(name);
        model.ifPresent(m -> why.append(", model ").append(request.modelAlias()));
        endpoint.ifPresent(e -> why.append(", endpoint ").append(request.endpoint()));
        if (marker != null) {
            why.append(", system prompt mentions '").append(marker).append("'");
        }
        metadata.forEach((k, v) -> why.append(", metadata ").append(k).append('=').append(v));
        return Optional.of(why.toString());
    }

    private static boolean glob(String pattern, String value) {
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(value);
    }
}
