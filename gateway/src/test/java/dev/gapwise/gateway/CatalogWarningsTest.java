package dev.gapwise.gateway;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.config.ProviderConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogWarningsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final URI BASE = URI.create("https://api.deepseek.com");

    private static Deployment deployment(String id, String upstream, LocalDate priceAsOf, Deployment.Lifecycle lifecycle) {
        return new Deployment(id, "m", "deepseek", Dialect.OPENAI, BASE, upstream, "CN", Price.of("0.14", "0.28"),
                OptionalLong.empty(), priceAsOf, "test", lifecycle, "https://example.test/region");
    }

    private static GatewayConfig config(List<Deployment> configured) {
        GatewayConfig config = GatewayConfig.of(Map.of("deepseek", new ProviderConfig("deepseek", Dialect.OPENAI, BASE,
                Optional.empty(), false)));
        return configured.isEmpty() ? config : new GatewayConfig(config.server(), config.auth(), config.providers(),
                configured, true, Optional.empty(), config.ledger(), config.retry(), config.timeouts(), config.policy(),
                config.access(), config.spend());
    }

    private static final Deployment RETIRED = deployment("deepseek-chat", "deepseek-chat", LocalDate.of(2026, 4, 24),
            new Deployment.Lifecycle(Deployment.Status.RETIRED, Optional.of(LocalDate.of(2026, 7, 24)), Optional.empty(),
                    "https://api-docs.deepseek.com/news"));
    private static final Deployment STALE = deployment("deepseek-v4-flash", "deepseek-v4-flash", LocalDate.of(2026, 4, 24),
            Deployment.Lifecycle.ACTIVE_UNDATED);
    private static final Deployment FRESH = deployment("deepseek-flash", "deepseek-flash", LocalDate.of(2026, 11, 1),
            Deployment.Lifecycle.ACTIVE_UNDATED);

    @Test
    void retiredCatalogDeploymentsOfAConfiguredProviderAreNamedAsNotOffered() {
        List<String> warnings = CatalogWarnings.of(new Catalog(List.of(), List.of(RETIRED, FRESH)), config(List.of()),
                Map.of(), TODAY);
        assertThat(warnings).containsExactly("1 catalog deployments of configured providers are not offered:"
                + " deepseek-chat (retired since 2026-07-24)");
    }

    @Test
    void aConfiguredDeploymentCallingARetiredModelIsWarnedAbout() {
        Deployment mine = new Deployment("my-chat", "m", "deepseek", Dialect.OPENAI, BASE, "deepseek-chat", "CN",
                Price.of("1", "1"), OptionalLong.empty(), TODAY, "gapwise.yaml");
        List<String> warnings = CatalogWarnings.of(new Catalog(List.of(), List.of(RETIRED)), config(List.of(mine)),
                Map.of(), TODAY);
        assertThat(warnings).contains("configured deployment my-chat calls deepseek-chat at deepseek, which the catalog"
                + " lists as retired since 2026-07-24 (deepseek-chat)");
    }

    @Test
    void pricesOlderThanTheConfiguredAgeAreWarnedAbout() {
        Catalog catalog = new Catalog(List.of(), List.of(STALE, FRESH));
        assertThat(CatalogWarnings.of(catalog, config(List.of()), Map.of(), TODAY)).containsExactly(
                "price of deepseek-v4-flash was checked 2026-04-24, 221 days ago (limit 180 days, GAPWISE_MAX_PRICE_AGE_DAYS)");
        assertThat(CatalogWarnings.of(catalog, config(List.of()), Map.of("GAPWISE_MAX_PRICE_AGE_DAYS", "365"), TODAY))
                .isEmpty();
        assertThat(CatalogWarnings.of(catalog, config(List.of()), Map.of("GAPWISE_MAX_PRICE_AGE_DAYS", "20"), TODAY))
                .hasSize(2);
        assertThatThrownBy(() -> CatalogWarnings.of(catalog, config(List.of()),
                Map.of("GAPWISE_MAX_PRICE_AGE_DAYS", "half a year"), TODAY))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be a whole number of days");
    }

    @Test
    void theFleetOffersOnlyActiveCatalogDeployments() {
        Fleet fleet = Fleet.resolve(config(List.of()), new Catalog(List.of(), List.of(RETIRED, STALE, FRESH)), Map.of(),
                dev.gapwise.routing.ModelLags.none());
        assertThat(fleet.targets()).containsOnlyKeys("deepseek-v4-flash", "deepseek-flash");
        assertThat(fleet.callable()).allMatch(Deployment::offeredByDefault);
    }

    @Test
    void deploymentsWhoseModelHasNoLagAreNamedAtStart() {
        Fleet fleet = Fleet.resolve(config(List.of()), new Catalog(List.of(), List.of(FRESH)),
                Map.of("DEEPSEEK_API_KEY", "k"), dev.gapwise.routing.ModelLags.none());
        assertThat(fleet.notes()).anyMatch(note -> note.startsWith("1 callable deployments have no lag on ")
                && note.contains("deepseek-flash (model 'm')"));
    }
}
