package dev.gapwise.gateway.config;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.embeddings.EmbeddingCatalog;
import dev.gapwise.gateway.embeddings.EmbeddingFleet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code embeddings:} section: what it reads, and errors that name the key, the value and the fix. */
class EmbeddingsConfigTest {
    static final String PROVIDERS = """
            providers:
              local:
                dialect: openai
                base_url: http://localhost:8000/v1
            catalog_deployments: false
            """;

    @Test
    void readsEmbeddingDeploymentsWithAnInputPriceAndATiersList() {
        GatewayConfig config = ConfigLoader.parse(PROVIDERS + """
                embeddings:
                  deployments:
                    - {id: bge@local, model: bge-m3, provider: local, price: {input: 0.01}, jurisdiction: DE}
                    - {model: e5, provider: local}
                  tiers:
                    critical: [bge@local]
                """, "test");

        List<Deployment> deployments = config.embeddings().deployments();
        assertThat(deployments).extracting(Deployment::id).containsExactly("bge@local", "e5@local");
        assertThat(deployments.getFirst().price().inputPerMillion()).isEqualByComparingTo("0.01");
        assertThat(deployments.getFirst().price().outputPerMillion()).isZero();
        assertThat(config.embeddings().unpriced()).containsExactly("e5@local");
        assertThat(config.embeddings().tiers()).containsEntry("critical", List.of("bge@local"));

        EmbeddingFleet fleet = EmbeddingFleet.resolve(config, EmbeddingCatalog.bundled(), Map.of());
        assertThat(fleet.targets().get("bge@local").endpoint()).hasToString("http://localhost:8000/v1/embeddings");
        assertThat(fleet.unpriced()).containsExactly("e5@local");
        assertThat(fleet.prices()).doesNotContainKey("e5@local");
    }

    @Test
    void aTierThePolicyDoesNotDefineIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.parse(PROVIDERS + """
                embeddings:
                  tiers:
                    vip: [x]
                """, "test")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("embeddings.tiers.vip").hasMessageContaining("is not a tier of the policy");
    }

    @Test
    void aPriceWithoutItsInputRateIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.parse(PROVIDERS + """
                embeddings:
                  deployments:
                    - {model: bge-m3, provider: local, price: {}}
                """, "test")).isInstanceOf(ConfigException.class).hasMessageContaining("price.input")
                .hasMessageContaining("embeddings have no output price");
    }

    @Test
    void aTierListNamingNoEmbeddingDeploymentFailsAtStart() {
        GatewayConfig config = ConfigLoader.parse(PROVIDERS + """
                embeddings:
                  tiers:
                    critical: [gpt-4o]
                """, "test");

        assertThatThrownBy(() -> EmbeddingFleet.resolve(config, EmbeddingCatalog.bundled(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("embeddings.tiers.critical")
                .hasMessageContaining("'gpt-4o' is not an embedding deployment");
    }
}
