package dev.gapwise.catalog.bundled;

import dev.gapwise.catalog.check.CatalogCheck;
import dev.gapwise.catalog.check.Finding;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled score rows name the exact version they were measured on, and no instruct (chat) model carries a score
 * measured on a base model — read here from the raw files, not through {@link CatalogCheck}.
 */
class BundledScoreVersionsTest {
    private static CsvTable resource(String file) throws IOException {
        try (InputStream in = BundledScoreVersionsTest.class.getClassLoader().getResourceAsStream("gapwise/catalog/" + file)) {
            return CsvTable.read(file, in);
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    @Test
    void baseModelScoresNeverAttachToInstructModels() throws IOException {
        Map<String, CsvRow> models = new HashMap<>();
        Set<String> baseNames = new HashSet<>();
        for (CsvRow row : resource("models.csv").rows()) {
            models.put(row.text("id"), row);
            Arrays.stream(row.text("base_model").split(";")).filter(s -> !s.isBlank()).forEach(s -> baseNames.add(key(s)));
            if (row.text("variant").equals("base")) {
                baseNames.add(key(row.text("id")));
                Arrays.stream(row.text("aliases").split(";")).filter(s -> !s.isBlank()).forEach(s -> baseNames.add(key(s)));
            }
        }
        assertThat(models.values()).allSatisfy(m -> assertThat(m.text("variant")).isIn("base", "instruct"));
        for (CsvRow score : resource("scores.csv").rows()) {
            CsvRow model = models.get(score.text("model_id"));
            String version = key(score.text("version"));
            assertThat(version).as("line %d names its version", score.line()).isNotEmpty();
            if (model.text("variant").equals("instruct")) {
                assertThat(baseNames).as("scores.csv line %d: %s measured on %s", score.line(), score.text("model_id"),
                        score.text("version")).doesNotContain(version);
            }
            Set<String> own = new HashSet<>();
            own.add(key(model.text("id")));
            own.add(key(model.text("name")));
            Arrays.stream(model.text("aliases").split(";")).forEach(a -> own.add(key(a)));
            assertThat(own).as("scores.csv line %d: version %s is one of %s's names", score.line(),
                    score.text("version"), model.text("id")).contains(version);
        }
    }

    @Test
    void theKnownBaseScoresOfChatModelsWereReplacedOrRemoved() {
        var dataset = BundledCatalogReader.readBundled().datasets().getFirst();
        assertThat(dataset.scores("mmlu")).filteredOn(s -> s.modelId().equals("llama-2-70b-chat")).singleElement()
                .satisfies(s -> {
                    assertThat(s.version()).isEqualTo("Llama-2-70b-chat");
                    assertThat(s.value()).isEqualTo(0.599);
                });
        assertThat(dataset.scores("mmlu")).noneMatch(s -> List.of("falcon-40b-instruct", "falcon-180b-chat",
                "mistral-7b-instruct-v0.1", "mixtral-8x7b-instruct-v0.1", "mixtral-8x22b-instruct-v0.1",
                "qwen2.5-coder-32b-instruct").contains(s.modelId()));
    }

    @Test
    void theCatalogCheckFindsNoErrorOnTheBundledCatalog() {
        List<Finding> findings = CatalogCheck.run(BundledCatalogReader.readBundled(),
                new CatalogCheck.Settings(LocalDate.of(2026, 12, 1), 180, "eci"));
        assertThat(findings).filteredOn(f -> f.severity() == Finding.Severity.ERROR).isEmpty();
        assertThat(findings).noneMatch(f -> f.message().contains("a base model"));
    }
}
