package dev.gapwise.gateway.config;

import dev.gapwise.catalog.Deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code embeddings:} section: embedding deployments written in the file (beside the bundled embedding catalog,
 * used for every configured provider when {@code catalog_deployments} is on) and, per policy tier, the embedding
 * deployments that tier may use, in order of preference. A tier not listed may use every callable embedding
 * deployment its jurisdiction and price rules allow, cheapest first. Immutable.
 *
 * @param deployments embedding deployments from the file (their list price's output rate is 0)
 * @param unpriced    ids of those written without a price: their cost is unknown, never $0
 * @param tiers       tier name to the embedding deployment ids it may use, first choice first
 */
public record EmbeddingsConfig(List<Deployment> deployments, Set<String> unpriced, Map<String, List<String>> tiers) {
    public static final EmbeddingsConfig NONE = new EmbeddingsConfig(List.of(), Set.of(), Map.of());

    public EmbeddingsConfig {
        deployments = List.copyOf(deployments);
        unpriced = Set.copyOf(unpriced);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        tiers.forEach((tier, ids) -> copy.put(tier, List.copyOf(ids)));
        tiers = java.util.Collections.unmodifiableMap(copy);
    }
}
