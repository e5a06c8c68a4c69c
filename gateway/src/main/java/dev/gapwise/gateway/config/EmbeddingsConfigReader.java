package dev.gapwise.gateway.config;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Price;
import dev.gapwise.routing.policy.Policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** Reads {@code embeddings:} of {@code gapwise.yaml}; every error names the key, the bad value and the fix. */
final class EmbeddingsConfigReader {
    private EmbeddingsConfigReader() {
    }

    static EmbeddingsConfig read(ConfigNode node, Map<String, ProviderConfig> providers, Policy policy) {
        node.only("deployments", "tiers");
        ConfigNode list = node.child("deployments");
        List<Deployment> deployments = new ArrayList<>();
        Set<String> unpriced = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ConfigNode row = list.element(i);
            row.only("id", "model", "provider", "upstream_model", "price", "jurisdiction");
            String model = row.requiredText("model");
            String providerName = row.requiredText("provider");
            ProviderConfig provider = ConfigLoader.providerOf(row, providerName, providers);
            String id = ConfigLoader.deploymentId(row, model, providerName, ids, "embedding deployments");
            Price price = Price.of("0", "0");
            if (row.has("price")) {
                ConfigNode priceNode = row.child("price");
                priceNode.only("input");
                BigDecimal input = priceNode.optionalDecimal("input", "USD per million tokens, e.g. 0.02")
                        .orElseThrow(() -> priceNode.error("input", "missing; write USD per million input tokens, "
                                + "e.g. 0.02 (embeddings have no output price)"));
                price = new Price(input, BigDecimal.ZERO);
            } else {
                unpriced.add(id);
            }
            deployments.add(new Deployment(id, model, providerName, provider.dialect(), provider.baseUrl(),
                    row.optionalText("upstream_model").orElse(model), row.optionalText("jurisdiction").orElse("unknown"),
                    price, OptionalLong.empty(), LocalDate.EPOCH, "gapwise.yaml"));
        }
        ConfigNode tierNode = node.child("tiers");
        Map<String, List<String>> tiers = new LinkedHashMap<>();
        for (String tier : tierNode.keys()) {
            if (policy.tier(tier).isEmpty()) {
                throw tierNode.error(tier, "is not a tier of the policy; use one of " + policy.tiers().keySet());
            }
            List<String> named = tierNode.texts(tier);
            if (named.isEmpty()) {
                throw tierNode.error(tier, "lists no embedding deployment; name at least one id, or leave the tier out "
                        + "to let it use every embedding deployment its rules allow");
            }
            tiers.put(tier, named);
        }
        return new EmbeddingsConfig(deployments, unpriced, tiers);
    }
}
