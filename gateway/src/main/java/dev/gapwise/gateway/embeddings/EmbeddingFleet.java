package dev.gapwise.gateway.embeddings;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.call.Target;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.config.ProviderConfig;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.price.TokenPrice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The embedding deployments this gateway can call: those written under {@code embeddings.deployments} and, when
 * {@code catalog_deployments} is on, the bundled embedding catalog's rows of every configured provider (at that
 * provider's configured base URL), each with its key from the environment. Their prices, and their own savings
 * baseline: the dearest callable priced embedding deployment (a chat model's rate says nothing about what an
 * embedding costs). A deployment without a price has an unknown cost, never $0. Immutable.
 *
 * @param targets  callable embedding deployments by id
 * @param prices   the price of every known embedding deployment that has one
 * @param unpriced ids of callable ones without a price
 * @param pricing  the prices with the embeddings' savings baseline, for the ledger
 * @param notes    what was skipped and why, for the start-up log (never a key)
 */
public record EmbeddingFleet(Map<String, Target> targets, Map<String, TokenPrice> prices, Set<String> unpriced,
                             Pricing pricing, List<String> notes) {
    public EmbeddingFleet {
        targets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        prices = Map.copyOf(prices);
        unpriced = Set.copyOf(unpriced);
        notes = List.copyOf(notes);
    }

    /** The callable embedding deployments, in configuration order. */
    public List<Deployment> callable() {
        return targets.values().stream().map(Target::deployment).toList();
    }

    /** Resolves the embedding deployments of a configuration against the environment's keys. */
    public static EmbeddingFleet resolve(GatewayConfig config, List<EmbeddingCatalog.Row> catalog,
                                         Map<String, String> environment) {
        List<Deployment> candidates = new ArrayList<>(config.embeddings().deployments());
        Set<String> unpricedConfigured = config.embeddings().unpriced();
        List<String> known = new ArrayList<>(candidates.stream().map(Deployment::id).toList());
        for (EmbeddingCatalog.Row row : catalog) {
            known.add(row.id());
            ProviderConfig provider = config.providers().get(row.provider());
            if (config.catalogDeployments() && provider != null) {
                candidates.add(new Deployment(row.id(), row.model(), row.provider(), provider.dialect(),
                        provider.baseUrl(), row.upstreamModel(), row.region(), new Price(row.inputPerMillion(),
                        BigDecimal.ZERO), OptionalLong.of(row.maxInputTokens()), row.priceAsOf(), row.source()));
            }
        }
        config.embeddings().tiers().forEach((tier, ids) -> ids.stream().filter(id -> !known.contains(id)).findFirst()
                .ifPresent(id -> {
                    throw new ConfigException("embeddings.tiers." + tier, "'" + id + "' is not an embedding deployment; "
                            + "use one of " + known + " or add it under embeddings.deployments");
                }));
        List<String> notes = new ArrayList<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        Map<String, TokenPrice> prices = new HashMap<>();
        for (Deployment deployment : candidates) {
            ProviderConfig provider = config.providers().get(deployment.provider());
            Optional<WireDialect> wire = EmbeddingsUpstream.forDialect(provider.dialect());
            if (wire.isEmpty()) {
                notes.add(deployment.id() + ": skipped, a " + provider.dialect().id() + " provider has no embeddings");
                continue;
            }
            Optional<String> key = provider.apiKey().flatMap(ref -> ref.resolve(environment));
            if (provider.apiKey().isPresent() && key.isEmpty()) {
                notes.add(deployment.id() + ": skipped, " + provider.apiKey().get() + " is not set");
                continue;
            }
            if (targets.putIfAbsent(deployment.id(), new Target(deployment, wire.get(),
                    wire.get().upstream().endpoint(provider.baseUrl()), key)) == null && !unpricedConfigured.contains(deployment.id())) {
                prices.put(deployment.id(), TokenPrice.defaults(deployment.price(), dev.gapwise.catalog.Dialect.OPENAI));
            }
        }
        Set<String> unpriced = new java.util.HashSet<>(targets.keySet());
        unpriced.removeAll(prices.keySet());
        unpriced.forEach(id -> notes.add(id + ": embedding deployment without a price; its cost is unknown (never "
                + "taken as $0): routed last, its ledger rows flagged unpriced"));
        Optional<Deployment> baseline = targets.values().stream().map(Target::deployment)
                .filter(d -> prices.containsKey(d.id()))
                .max(Comparator.comparing((Deployment d) -> prices.get(d.id()).input()).thenComparing(Deployment::id));
        baseline.ifPresent(b -> notes.add("embeddings: " + targets.size() + " callable, savings baseline " + b.id()
                + " (the dearest callable embedding deployment)"));
        return new EmbeddingFleet(targets, prices, unpriced, new Pricing(prices, baseline), notes);
    }
}
