package dev.gapwise.gateway;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.call.Target;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.config.ProviderConfig;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.dialect.openai.ModelDiscovery;
import dev.gapwise.gateway.config.PriceOverride;
import dev.gapwise.gateway.config.SpendConfig;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.price.TokenPrice;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The deployments this gateway can call, resolved from the configuration, the catalog, discovered local models
 * and the environment (provider keys); every deployment's price; and the savings baseline. The fleet is the one
 * owner of the baseline: the ledger prices it through {@link #pricing}, and the router is handed its id as the
 * policy's baseline deployment, so a decision and its ledger row always name the same one. Immutable.
 *
 * @param targets   callable deployments by id, with provider and key
 * @param known     every deployment (callable or not)
 * @param reference the deployment savings are measured against
 * @param pricing   every known deployment's price (none for those written without one) and the baseline
 * @param unpriced  callable deployments without a price: their cost is unknown (flagged in /readyz)
 * @param notes     what was skipped and why, for the start-up log (never contains a key)
 */
record Fleet(Map<String, Target> targets, List<Deployment> known, Optional<Deployment> reference, Pricing pricing,
             List<String> unpriced, List<String> notes) {

    /** The provider keys in use, for redaction. */
    List<String> secrets() {
        return targets.values().stream().flatMap(t -> t.apiKey().stream()).distinct().toList();
    }

    List<Deployment> callable() {
        return targets.values().stream().map(Target::deployment).toList();
    }

    static Fleet resolve(GatewayConfig config, Catalog catalog, Map<String, String> environment, ModelLags lags) {
        List<String> notes = new ArrayList<>();
        List<Deployment> candidates = new ArrayList<>(config.deployments());
        if (config.catalogDeployments()) {
            for (Deployment deployment : catalog.deployments()) {
                if (config.providers().containsKey(deployment.provider())) {
                    candidates.add(deployment);
                }
            }
        }
        for (ProviderConfig provider : config.providers().values()) {
            if (provider.discover()) {
                List<String> models = ModelDiscovery.list(provider.baseUrl(), Duration.ofSeconds(2)).orElse(List.of());
                for (String model : models) {
                    candidates.add(new Deployment(model + "@" + provider.name(), model, provider.name(),
                            provider.dialect(), provider.baseUrl(), model, "local", Price.of("0", "0"),
                            OptionalLong.empty(), LocalDate.EPOCH, "discovered at " + provider.baseUrl()));
                }
                notes.add(provider.name() + ": discovered " + models.size() + " local models");
            }
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Deployment deployment : candidates) {
            ProviderConfig provider = config.providers().get(deployment.provider());
            Optional<WireDialect> dialect = Dialects.upstream(provider.dialect());
            if (dialect.isEmpty()) {
                notes.add(deployment.id() + ": skipped, dialect " + provider.dialect().id() + " is not supported yet");
                continue;
            }
            Optional<String> key = provider.apiKey().flatMap(ref -> ref.resolve(environment));
            if (provider.apiKey().isPresent() && key.isEmpty()) {
                notes.add(deployment.id() + ": skipped, " + provider.apiKey().get() + " is not set");
                continue;
            }
            targets.putIfAbsent(deployment.id(), new Target(deployment, dialect.get(),
                    dialect.get().upstream().endpoint(provider.baseUrl()), key));
        }
        List<Deployment> known = new ArrayList<>(candidates);
        catalog.deployments().stream().filter(d -> !targets.containsKey(d.id())).forEach(known::add);
        List<Deployment> callable = targets.values().stream().map(Target::deployment).toList();
        SpendConfig spend = config.spend();
        Map<String, TokenPrice> prices = new HashMap<>();
        for (Deployment deployment : known) {
            if (!spend.unpriced().contains(deployment.id())) {
                prices.putIfAbsent(deployment.id(),
                        spend.prices().getOrDefault(deployment.id(), PriceOverride.NONE).applyTo(deployment));
            }
        }
        Map<String, java.util.Set<String>> named = Map.of("prices", spend.prices().keySet(),
                "limits.deployments", spend.limits().deployments().keySet(),
                "budgets.output_ceilings", spend.budgets().outputCeilings().keySet());
        named.forEach((section, ids) -> ids.stream().filter(id -> known.stream().noneMatch(d -> d.id().equals(id)))
                .findFirst().ifPresent(id -> {
                    throw new ConfigException(section + "." + id, "is not a known deployment id; use one of "
                            + known.stream().map(Deployment::id).limit(20).toList());
                }));
        List<String> unpriced = callable.stream().map(Deployment::id).filter(id -> !prices.containsKey(id)).toList();
        unpriced.forEach(id -> notes.add(id + ": no price; its cost is unknown (never taken as $0): routed last, "
                + "refused under a budget, its ledger rows flagged unpriced"));
        List<String> noCacheRate = callable.stream().filter(d -> prices.containsKey(d.id()))
                .filter(d -> !TokenPrice.knowsCacheRates(d.dialect()))
                .filter(d -> !spend.prices().getOrDefault(d.id(), PriceOverride.NONE).setsCacheRates())
                .map(Deployment::id).toList();
        if (!noCacheRate.isEmpty()) {
            notes.add(noCacheRate.size() + " callable deployments have no cache_read price, so cached input is billed "
                    + "at their input rate (never below cost); set prices.ID.cache_read for each, e.g. "
                    + noCacheRate.getFirst());
        }
        Optional<Deployment> reference = reference(config, known, callable, prices, lags);
        List<String> noLag = callable.stream().filter(d -> lags.lag(d.modelId(), lagIndex(config)).isEmpty())
                .map(d -> d.id() + " (model '" + d.modelId() + "')").toList();
        if (!noLag.isEmpty()) {
            notes.add(noLag.size() + " callable deployments have no lag on " + lagIndex(config) + ": their model is not in "
                    + "the catalog's lag data (write the catalog id, e.g. gpt-5-2025-08-07), so none of them can be "
                    + "the savings baseline and tiers with a lag limit leave them out: " + String.join(", ", noLag));
        }
        reference.ifPresent(r -> notes.add("savings baseline " + r.id() + (config.reference().isPresent()
                || config.policy().baselineDeployment().isPresent() ? " (configured)"
                : lags.lag(r.modelId(), lagIndex(config)).map(l -> String.format(java.util.Locale.ROOT,
                " (cheapest callable deployment of the model nearest the frontier: %.1f months on %s)", l.months(),
                l.index())).orElse(" (the priciest callable deployment: no callable model has a lag)"))));
        return new Fleet(targets, List.copyOf(known), reference, new Pricing(prices, reference), unpriced,
                List.copyOf(notes));
    }

    /** The index the policy measures lags on: that of its high-stakes tier (eci for the built-in policy). */
    private static String lagIndex(GatewayConfig config) {
        return config.policy().tier(config.policy().highStakesTier())
                .map(tier -> tier.eligibility().lagIndex()).orElse("eci");
    }

    /**
     * The configured reference (any known deployment with a price); else, among the callable priced deployments,
     * the cheapest one of the model nearest the frontier on the policy's lag index (what "the same request on the
     * frontier model" costs, on a deployment this gateway can actually call); else, with no lags at all, the
     * priciest callable one.
     */
    private static Optional<Deployment> reference(GatewayConfig config, List<Deployment> known, List<Deployment> callable,
                                                  Map<String, TokenPrice> prices, ModelLags lags) {
        Optional<String> named = config.reference().or(() -> config.policy().baselineDeployment());
        if (named.isPresent()) {
            String id = named.get();
            Deployment configured = known.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() ->
                    new ConfigException("reference", "'" + id + "' is not a known deployment id; use one of "
                            + known.stream().map(Deployment::id).limit(20).toList()));
            if (!prices.containsKey(id)) {
                throw new ConfigException("reference", "'" + id + "' has no price, so it cannot be a savings baseline; "
                        + "give it a price or name another deployment");
            }
            return Optional.of(configured);
        }
        String index = lagIndex(config);
        List<Deployment> priced = callable.stream().filter(d -> prices.containsKey(d.id())).toList();
        Comparator<Deployment> byPrice = Comparator.comparing((Deployment d) -> prices.get(d.id()).blended())
                .thenComparing(Deployment::id);
        Optional<Deployment> nearest = priced.stream().filter(d -> lags.lag(d.modelId(), index).isPresent())
                .min(Comparator.comparingDouble((Deployment d) -> lags.lag(d.modelId(), index).orElseThrow().months())
                        .thenComparing(byPrice));
        return nearest.or(() -> priced.stream().max(byPrice));
    }
}
