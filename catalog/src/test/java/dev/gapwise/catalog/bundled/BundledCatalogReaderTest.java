package dev.gapwise.catalog.bundled;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.csv.CsvTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundledCatalogReaderTest {
    private static final String MODELS = "id,name,organization,countries,access,license,release_date,parameters_b,"
            + "active_parameters_b,aliases,source\n";
    private static final String SCORES = "model_id,benchmark,score,as_of,source\n";
    private static final String DEPLOYMENTS = "id,model_id,provider,dialect,base_url,upstream_model,jurisdiction,"
            + "input_usd_per_mtok,output_usd_per_mtok,context_window,price_as_of,source\n";

    @Test
    void bundledCatalogHasEightyNotableModelsFromUsChinaAndElsewhereEachWithASource() {
        Catalog catalog = BundledCatalogReader.readBundled();
        Dataset dataset = catalog.datasets().getFirst();
        assertThat(dataset.models()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(dataset.models()).allSatisfy(model -> {
            assertThat(model.source()).isNotBlank();
            assertThat(model.releaseDate()).hasValueSatisfying(date ->
                    assertThat(date).isBetween(LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 31)));
            assertThat(model.access()).isIn(Access.OPEN, Access.CLOSED);
        });
        assertThat(dataset.models().stream().filter(m -> m.isFrom("US"))).hasSizeGreaterThan(20);
        assertThat(dataset.models().stream().filter(m -> m.isFrom("CN"))).hasSizeGreaterThan(20);
        assertThat(dataset.models().stream().filter(m -> !m.isFrom("US") && !m.isFrom("CN"))).isNotEmpty();
        assertThat(dataset.models().stream().map(Model::organization)).contains("OpenAI", "Anthropic", "DeepSeek");
        assertThat(dataset.benchmarks().stream().map(b -> b.id()))
                .contains("eci", "gpqa_diamond", "mmlu", "math_level_5", "swe_bench_verified", "arena_text");
        assertThat(dataset.scores()).allSatisfy(score -> assertThat(score.source()).isNotBlank());
    }

    @Test
    void bundledDeploymentsHavePositiveDecimalPricesAndNameTheirSource() {
        Catalog catalog = BundledCatalogReader.readBundled();
        assertThat(catalog.deployments()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(catalog.deployments()).allSatisfy(deployment -> {
            assertThat(deployment.price().inputPerMillion()).isGreaterThan(BigDecimal.ZERO);
            assertThat(deployment.price().outputPerMillion()).isGreaterThan(BigDecimal.ZERO);
            assertThat(deployment.source()).isNotBlank();
            assertThat(catalog.datasets().getFirst().model(deployment.modelId())).isPresent();
        });
        assertThat(catalog.allDeployments()).allSatisfy(deployment -> {
            assertThat(deployment.regionSource()).as(deployment.id()).isNotBlank();
            assertThat(deployment.lifecycle().source()).as(deployment.id()).isNotBlank();
        });
        assertThat(catalog.allDeployments().stream().map(d -> d.jurisdiction())).contains("global", "unknown", "CN");
    }

    @Test
    void theCatalogOffersOnlyActiveDeploymentsAndKeepsTheWithdrawnOnesListed() {
        Catalog catalog = BundledCatalogReader.readBundled();
        assertThat(catalog.deployments()).allMatch(d -> d.lifecycle().status() == Deployment.Status.ACTIVE);
        assertThat(catalog.deployment("deepseek-chat-v3.2")).hasValueSatisfying(d -> {
            assertThat(d.offeredByDefault()).isFalse();
            assertThat(d.lifecycle().describe()).isEqualTo("retired since 2026-04-24, retired 2026-07-24");
        });
        assertThat(catalog.deployment("xai-grok-4")).hasValueSatisfying(d ->
                assertThat(d.lifecycle().status()).isEqualTo(Deployment.Status.RETIRED));
        assertThat(catalog.deployments()).extracting(Deployment::id).doesNotContain("google-gemini-2.0-flash-001",
                "anthropic-claude-sonnet-4", "openai-o3-mini").contains("openai-gpt-5.4", "anthropic-claude-opus-4-6");
    }

    @Test
    void aGlobalOrUnknownRegionSatisfiesNoJurisdictionList() {
        Catalog catalog = BundledCatalogReader.readBundled();
        Deployment anthropic = catalog.deployment("anthropic-claude-opus-4-6").orElseThrow();
        assertThat(anthropic.jurisdiction()).isEqualTo("global");
        assertThat(anthropic.runsInOneOf(java.util.Set.of("US", "global"))).isFalse();
        assertThat(catalog.deployment("deepseek-chat-v3.2").orElseThrow().runsInOneOf(java.util.Set.of("CN"))).isTrue();
    }

    @Test
    void statusesAndRegionsAreReadAndValidated() {
        String header = "id,model_id,provider,dialect,base_url,upstream_model,region,region_source,input_usd_per_mtok,"
                + "output_usd_per_mtok,context_window,price_as_of,source,status,status_since,retires_on,status_source\n";
        String row = "d1,m1,p,openai,https://x.test/v1,m,";
        Catalog ok = read(MODELS + model("m1"), SCORES, header + row
                + "Global,docs,1,2,1000,2025-01-01,s,deprecated,2026-01-01,2026-06-01,notice\n");
        assertThat(ok.allDeployments().getFirst().jurisdiction()).isEqualTo("global");
        assertThat(ok.deployments()).isEmpty();
        assertThatThrownBy(() -> read(MODELS + model("m1"), SCORES, header + row
                + "US,docs,1,2,1000,2025-01-01,s,retired,,,notice\n"))
                .hasMessageContaining("a retired deployment needs the date it was retired");
        assertThatThrownBy(() -> read(MODELS + model("m1"), SCORES, header + row
                + "Atlantis,docs,1,2,1000,2025-01-01,s,active,,,notice\n"))
                .hasMessageContaining("column 'region' 'Atlantis' is not a country; write an ISO code such as US, or global or unknown");
        assertThatThrownBy(() -> read(MODELS + model("m1"), SCORES, header + row
                + "US,docs,1,2,1000,2025-01-01,s,sunset,,,notice\n"))
                .hasMessageContaining("column 'status' 'sunset' must be active, deprecated or retired");
    }

    @Test
    void aScoreOnAnUnknownBenchmarkNamesTheLineAndTheKnownOnes() {
        assertThatThrownBy(() -> read(MODELS + model("m1"), SCORES + "m1,mmmu,0.5,2025-01-01,x\n", DEPLOYMENTS))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("scores.csv:2: column 'benchmark' 'mmmu' is not a known benchmark; use one of eci");
    }

    @Test
    void anAccuracyGivenAsAPercentageIsRejected() {
        assertThatThrownBy(() -> read(MODELS + model("m1"), SCORES + "m1,mmlu,87.4,2025-01-01,x\n", DEPLOYMENTS))
                .hasMessageContaining("scores.csv:2: column 'score' 87.4 is outside 0..1");
    }

    @Test
    void aScoreForAModelNotInTheCatalogIsRejected() {
        assertThatThrownBy(() -> read(MODELS + model("m1"), SCORES + "m2,mmlu,0.5,2025-01-01,x\n", DEPLOYMENTS))
                .hasMessageContaining("column 'model_id' 'm2' is not a model in models.csv");
    }

    @Test
    void anUnparsableReleaseDateIsNamed() {
        String bad = "m1,M1,Org,US,open,MIT,2025-02-30,,,,src\n";
        assertThatThrownBy(() -> read(MODELS + bad, SCORES, DEPLOYMENTS))
                .hasMessageContaining("models.csv:2: column 'release_date' '2025-02-30' is not a valid date");
    }

    @Test
    void repeatedModelIdsAndBadAccessAreRejected() {
        assertThatThrownBy(() -> read(MODELS + model("m1") + model("m1"), SCORES, DEPLOYMENTS))
                .hasMessageContaining("models.csv:3: column 'id' repeats model id 'm1'");
        assertThatThrownBy(() -> read(MODELS + "m1,M1,Org,US,maybe,MIT,2025-01-01,,,,src\n", SCORES, DEPLOYMENTS))
                .hasMessageContaining("column 'access' 'maybe' must be 'open' or 'closed'");
    }

    @Test
    void aDeploymentWithANegativePriceOrUnknownDialectIsRejected() {
        String base = "d1,m1,p,openai,https://x.test/v1,m,US,";
        assertThatThrownBy(() -> read(MODELS + model("m1"), SCORES, DEPLOYMENTS + base + "-1,2,1000,2025-01-01,s\n"))
                .hasMessageContaining("deployments.csv:2: prices cannot be negative");
        assertThatThrownBy(() -> read(MODELS + model("m1"), SCORES,
                DEPLOYMENTS + "d1,m1,p,grpc,https://x.test/v1,m,US,1,2,1000,2025-01-01,s\n"))
                .hasMessageContaining("column 'dialect' 'grpc' must be one of openai, anthropic, gemini");
    }

    @Test
    void pricesStayExactDecimals() {
        Catalog catalog = read(MODELS + model("m1"), SCORES,
                DEPLOYMENTS + "d1,m1,p,openai,https://x.test/v1,m,US,0.27,1.10,64000,2025-01-01,s\n");
        assertThat(catalog.deployments().getFirst().price().cost(1_000_000, 500_000)).isEqualByComparingTo("0.82");
    }

    private static String model(String id) {
        return id + "," + id.toUpperCase() + ",Org,US,open,MIT,2025-01-01,7,,alias-" + id + ",src\n";
    }

    private static Catalog read(String models, String scores, String deployments) {
        return BundledCatalogReader.read(table("models.csv", models), table("scores.csv", scores),
                table("deployments.csv", deployments), "test");
    }

    private static CsvTable table(String name, String content) {
        return CsvTable.read(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
}
