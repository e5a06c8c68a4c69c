package dev.gapwise.catalog.imports;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetImporterTest {
    private static final Path SHARED_GAP = Path.of(System.getProperty("gapwise.shared.data", "../../shared/data"))
            .resolve("gap");

    @TempDir
    Path dir;

    @Test
    void importsEveryPublicGapDatasetAndReportsTheFilesItDoesNotUse() {
        ImportReport report = DatasetImporter.importFrom(SHARED_GAP);
        assertThat(report.datasets().stream().map(d -> d.snapshot().name())).contains(
                "epoch_benchmarking_hub_2026-04", "epoch_eci_snapshot_2026-01-20", "epoch_open_models_report_2024-11",
                "all_ml_systems_snapshot_2024-11", "epoch_notable_ai_models_2026-01",
                "lmarena_text_overall_ratings_2023-05_2025-02", "lmarena_text_leaderboard_snapshots_2024-06_2025-08",
                "lmarena_displayed_elo_2023-06_2023-12");
        assertThat(report.unused()).anySatisfy(note -> {
            assertThat(note.file().getFileName()).hasToString("SOURCES.md");
            assertThat(note.note()).isEqualTo("not a CSV file");
        });
        assertThat(report.references()).extracting(p -> p.getFileName().toString()).containsExactly("reference_numbers.csv");
    }

    @Test
    void hubBenchmarkModelsTakeTheirAccessFromTheEciFile() {
        Dataset hub = dataset("epoch_benchmarking_hub_2026-04");
        assertThat(hub.benchmarks().stream().map(b -> b.id())).contains("eci", "gpqa_diamond", "mmlu", "swe_bench_verified");
        assertThat(hub.models()).anySatisfy(m -> assertThat(m.access()).isEqualTo(Access.OPEN));
        assertThat(hub.scores("gpqa_diamond")).allSatisfy(s -> assertThat(s.value()).isBetween(0.0, 1.0));
    }

    @Test
    void arenaKeysMissingFromTheMetadataTakeTheirLicenceFromTheDisplayedTables() {
        Dataset history = dataset("lmarena_text_overall_ratings_2023-05_2025-02");
        assertThat(history.model("gpt-4")).hasValueSatisfying(m -> assertThat(m.access()).isEqualTo(Access.CLOSED));
        assertThat(history.model("deepseek-r1")).hasValueSatisfying(m -> {
            assertThat(m.access()).isEqualTo(Access.OPEN);
            assertThat(m.countries()).containsExactly("CN");
        });
    }

    @Test
    void theReportsSpeculativeComputeReplacesTheListedValueAndIsMarked() {
        Dataset systems = dataset("all_ml_systems_snapshot_2024-11");
        assertThat(systems.model("Claude 2")).hasValueSatisfying(m -> {
            assertThat(m.trainingComputeFlop().getAsDouble()).isEqualTo(4.33e24);
            assertThat(m.attribute("compute_basis")).contains("speculative");
            assertThat(m.attribute("listed_compute_flop")).contains("3.866E24");
        });
    }

    @Test
    void anUnrecognisedCsvIsListedWithItsHeaderNotSkippedSilently() throws IOException {
        Files.writeString(dir.resolve("mystery.csv"), "foo,bar\n1,2\n");
        ImportReport report = DatasetImporter.importFrom(dir);
        assertThat(report.datasets()).isEmpty();
        assertThat(report.unused()).singleElement().satisfies(note ->
                assertThat(note.note()).isEqualTo("unrecognised CSV (header: foo, bar)"));
    }

    @Test
    void aMalformedRowInAnImportedFileNamesFileAndLine() throws IOException {
        Path file = dir.resolve("eci.csv");
        Files.writeString(file, "Model version,ECI Score,Release date,Organization,Country,Model accessibility\n"
                + "m1,130,2024-01-01,Org,China,Open weights (unrestricted)\n"
                + "m2,abc,2024-02-01,Org,China,API access\n");
        assertThatThrownBy(() -> DatasetImporter.importFrom(dir))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ":3: column 'ECI Score' 'abc' is not a number");
    }

    @Test
    void aFolderThatDoesNotExistIsNamed() {
        assertThatThrownBy(() -> DatasetImporter.importFrom(dir.resolve("missing")))
                .hasMessageContaining("missing: no such file or folder");
    }

    private static Dataset dataset(String name) {
        return DatasetImporter.importFrom(SHARED_GAP).datasets().stream()
                .filter(d -> d.snapshot().name().equals(name)).findFirst().orElseThrow();
    }
}
