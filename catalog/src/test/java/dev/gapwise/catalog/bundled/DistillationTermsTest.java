package dev.gapwise.catalog.bundled;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Distillation;
import dev.gapwise.catalog.csv.CsvTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistillationTermsTest {
    private static CsvTable table(String text) {
        return CsvTable.read("test.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyBundledDeploymentCarriesDistillationTermsWithTheirSource() {
        Catalog catalog = BundledCatalogReader.readBundled();
        assertThat(catalog.allDeployments()).allSatisfy(deployment -> {
            assertThat(deployment.distillation()).isNotNull();
            assertThat(deployment.distillation().source()).isNotBlank();
        });
    }

    @Test
    void closedFrontierProvidersForbidTrainingCompetingModelsOnTheirAnswers() {
        Catalog catalog = BundledCatalogReader.readBundled();
        for (String provider : new String[] {"openai", "anthropic", "google"}) {
            assertThat(catalog.allDeployments().stream().filter(d -> d.provider().equals(provider)))
                    .isNotEmpty()
                    .allSatisfy(d -> {
                        assertThat(d.distillation().terms()).isEqualTo(Distillation.Terms.DISALLOWED);
                        assertThat(d.distillation().source()).contains("https://");
                    });
        }
    }

    @Test
    void aProviderWithoutARowIsUnknownNeverAllowed() {
        assertThat(DistillationTerms.bundled().of("some-new-host")).isEqualTo(Distillation.UNKNOWN);
        assertThat(BundledCatalogReader.readBundled().allDeployments().stream()
                .map(Deployment::distillation).map(Distillation::terms))
                .doesNotContain(Distillation.Terms.ALLOWED);
    }

    @Test
    void allowedTermsWithoutASourceAreRefusedNamingTheColumn() {
        assertThatThrownBy(() -> DistillationTerms.read(table("provider,terms,source\nacme,allowed,\n")))
                .isInstanceOf(DataFileException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> DistillationTerms.read(table("provider,terms,source\nacme,maybe,x\n")))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("'maybe' must be one of allowed, disallowed, unknown");
    }

    @Test
    void aDeploymentRowMayCarryItsOwnTerms() {
        String models = "id,name,organization,countries,access,license,release_date,parameters_b,active_parameters_b,"
                + "aliases,source\nm1,M1,Org,US,open,MIT,2025-01-01,,,,src\n";
        String deployments = "id,model_id,provider,dialect,base_url,upstream_model,jurisdiction,input_usd_per_mtok,"
                + "output_usd_per_mtok,context_window,price_as_of,source,distillation,distillation_source\n"
                + "m1@self,m1,self,openai,http://localhost:8000/v1,m1,US,0,0,,2025-01-01,src,allowed,MIT licence\n"
                + "m1@openai,m1,openai,openai,https://api.openai.com/v1,m1,US,1,2,,2025-01-01,src,,\n";
        Catalog catalog = BundledCatalogReader.read(table(models), table("model_id,benchmark,score,as_of,source\n"),
                table(deployments), "test");
        assertThat(catalog.allDeployments().get(0).distillation())
                .isEqualTo(new Distillation(Distillation.Terms.ALLOWED, "MIT licence"));
        assertThat(catalog.allDeployments().get(1).distillation().terms()).isEqualTo(Distillation.Terms.DISALLOWED);
    }
}
