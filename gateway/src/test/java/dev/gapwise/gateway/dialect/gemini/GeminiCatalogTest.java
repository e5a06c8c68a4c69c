package dev.gapwise.gateway.dialect.gemini;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.call.Target;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.config.KnownProviders;
import dev.gapwise.gateway.embeddings.EmbeddingCatalog;
import dev.gapwise.gateway.embeddings.EmbeddingFleet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With GEMINI_API_KEY set, the catalog's Gemini deployments and Gemini embeddings are callable at their prices. */
class GeminiCatalogTest {
    static final Map<String, String> ENVIRONMENT = Map.of("GEMINI_API_KEY", "test-gemini-key");

    @Test
    void theCatalogsActiveGeminiDeploymentsAreCallableAtTheirListPrices() {
        GatewayConfig config = KnownProviders.defaults(ENVIRONMENT, false);
        Catalog catalog = BundledCatalogReader.readBundled();

        Gateway.Preview preview = Gateway.preview(config, catalog, ENVIRONMENT);

        Deployment flash = preview.callable().stream().filter(d -> d.id().equals("google-gemini-3-flash-preview"))
                .findFirst().orElseThrow();
        assertThat(flash.dialect()).isEqualTo(dev.gapwise.catalog.Dialect.GEMINI);
        assertThat(flash.price().inputPerMillion()).isEqualByComparingTo("0.50");
        assertThat(flash.price().outputPerMillion()).isEqualByComparingTo("3.00");
        assertThat(preview.notes()).noneMatch(note -> note.contains("not supported"));
    }

    @Test
    void geminiEmbeddingsGoToGooglesOpenAiCompatibleEndpointWithTheKeyAsABearer() {
        GatewayConfig config = KnownProviders.defaults(ENVIRONMENT, false);

        EmbeddingFleet fleet = EmbeddingFleet.resolve(config, EmbeddingCatalog.bundled(), ENVIRONMENT);

        Target target = fleet.targets().get("google-gemini-embedding-001");
        assertThat(target.endpoint()).hasToString("https://generativelanguage.googleapis.com/v1beta/openai/embeddings");
        assertThat(target.apiKey()).hasValue("test-gemini-key");
        assertThat(fleet.prices().get("google-gemini-embedding-001").input()).isEqualByComparingTo("0.15");
        assertThat(fleet.targets()).doesNotContainKey("openai-text-embedding-3-small");
    }
}
