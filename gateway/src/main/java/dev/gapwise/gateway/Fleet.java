package dev.gapwise.gateway;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.call.Target;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.config.ProviderConfig;
import dev.gapwise.gateway.provider.Provider;
import dev.gapwise.gateway.provider.Providers;
import dev.gapwise.gateway.provider.openai.ModelDiscovery;
import dev.gapwise.gateway.route.CheapestEligiblePlanner;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The deployments this gateway can call, resolved from the configuration, the catalog, discovered local models
 * and the environment (provider keys), plus the reference deployment for baselines. Immutable.
 *
 * @param targets   callable deployments by id, with provider and key
 * @param known     every deployment with a price (callable or not), for the baseline
 * @param reference the deployment savings are measured against
 * @param notes     what was skipped and why, for the start-up log (never contains a key)
 */
record Fleet(Map<String, Target> targets, List<Deployment> known, Optional<Deployment> reference, List<String> notes) {

    /** The provider keys in use, for redaction. */
    List<String> secrets() {
        return targets.values().stream().flatMap(t -> t.apiKey().stream()).distinct().toList();
    }

    List<Deployment> callable() {
        return targets.values().stream().map(Target::deployment).toList();
    }

    static Fleet resolve(GatewayConfig config, Catalog catalog, Map<String, String> environment, ModelLags lags) {
        Providers providers = new Providers();
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
            Optional<Provider> dialect = providers.forDialect(provider.dialect());
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
                    dialect.get().endpoint(provider.baseUrl()), key));
        }
        List<Deployment> known = new ArrayList<>(candidates);
        catalog.deployments().stream().filter(d -> !targets.containsKey(d.id())).forEach(known::add);
        Optional<Deployment> reference = reference(config, known, lags);
        reference.ifPresent(r -> notes.add("savings baseline " + r.id() + (config.reference().isPresent() ? " (configured)"
                : lags.lag(r.modelId(), lagIndex(config)).map(l -> String.format(java.util.Locale.ROOT,
                " (cheapest deployment of the model nearest the frontier: %.1f months on %s)", l.months(), l.index()))
                .orElse(" (the priciest known deployment: no model has a lag)"))));
        return new Fleet(targets, List.copyOf(known), reference, List.copyOf(notes));
    }

    /** The index the policy measures lags on: that of its high-stakes tier (eci for the built-in policy). */
    private static String lagIndex(GatewayConfig config) {
        return config.policy().tier(config.policy().highStakesTier())
                .map(tier -> tier.eligibility().lagIndex()).orElse("eci");
    }

    /**
     * The configured reference; else the cheapest deployment of the model nearest the frontier on the policy's
     * lag index (what "the same request on the frontier model" costs); else, with no lags at all, the priciest.
     */
    private static Optional<Deployment> reference(GatewayConfig config, List<Deployment> known, ModelLags lags) {
        if (config.reference().isPresent()) {
            String id = config.reference().get();
            return Optional.of(known.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow(() ->
                    new ConfigException("reference", "'" + id + "' is not a known deployment id; use one of "
                            + known.stream().map(Deployment::id).limit(20).toList())));
        }
        String index = lagIndex(config);
        Optional<Deployment> nearest = known.stream().filter(d -> lags.lag(d.modelId(), index).isPresent())
                .min(Comparator.comparingDouble((Deployment d) -> lags.lag(d.modelId(), index).orElseThrow().months())
                        .thenComparing(CheapestEligiblePlanner::blendedPrice).thenComparing(Deployment::id));
        return nearest.or(() -> known.stream().max(Comparator.comparing(CheapestEligiblePlanner::blendedPrice)
                .thenComparing(Deployment::id)));
    }
}
