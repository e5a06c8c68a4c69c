package dev.gapwise.gateway;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.GatewayConfig;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the gateway warns about at start: catalog deployments of a configured provider that it does not offer because
 * they are retired or deprecated, configured deployments that call a model the catalog lists as retired at the same
 * provider, and offered catalog prices checked longer ago than {@code GAPWISE_MAX_PRICE_AGE_DAYS} (180 by default;
 * {@code gapwise serve --max-price-age} sets it). Pure: the date is a parameter. Stateless.
 */
final class CatalogWarnings {
    /** The environment variable holding the price age limit in days. */
    static final String MAX_PRICE_AGE = "GAPWISE_MAX_PRICE_AGE_DAYS";
    static final long DEFAULT_MAX_PRICE_AGE_DAYS = 180;

    private CatalogWarnings() {
    }

    static List<String> of(Catalog catalog, GatewayConfig config, Map<String, String> environment, LocalDate today) {
        long maxAge = maxPriceAge(environment);
        List<String> warnings = new ArrayList<>();
        List<String> withdrawn = new ArrayList<>();
        for (Deployment deployment : catalog.allDeployments()) {
            if (!deployment.offeredByDefault() && config.providers().containsKey(deployment.provider())) {
                withdrawn.add(deployment.id() + " (" + deployment.lifecycle().describe() + ")");
            }
        }
        if (!withdrawn.isEmpty()) {
            warnings.add(withdrawn.size() + " catalog deployments of configured providers are not offered: "
                    + String.join(", ", withdrawn));
        }
        for (Deployment configured : config.deployments()) {
            catalog.allDeployments().stream()
                    .filter(d -> d.lifecycle().status() == Deployment.Status.RETIRED)
                    .filter(d -> d.provider().equals(configured.provider())
                            && d.upstreamModel().equals(configured.upstreamModel()))
                    .findFirst()
                    .ifPresent(d -> warnings.add("configured deployment " + configured.id() + " calls "
                            + configured.upstreamModel() + " at " + configured.provider()
                            + ", which the catalog lists as " + d.lifecycle().describe() + " (" + d.id() + ")"));
        }
        if (config.catalogDeployments()) {
            for (Deployment deployment : catalog.deployments()) {
                long age = ChronoUnit.DAYS.between(deployment.priceAsOf(), today);
                if (config.providers().containsKey(deployment.provider()) && age > maxAge) {
                    warnings.add("price of " + deployment.id() + " was checked " + deployment.priceAsOf() + ", " + age
                            + " days ago (limit " + maxAge + " days, " + MAX_PRICE_AGE + ")");
                }
            }
        }
        return List.copyOf(warnings);
    }

    private static long maxPriceAge(Map<String, String> environment) {
        String text = environment.get(MAX_PRICE_AGE);
        if (text == null || text.isBlank()) {
            return DEFAULT_MAX_PRICE_AGE_DAYS;
        }
        try {
            long days = Long.parseLong(text.strip());
            if (days >= 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(MAX_PRICE_AGE, "'" + text + "' must be a whole number of days, 0 or more");
    }
}
