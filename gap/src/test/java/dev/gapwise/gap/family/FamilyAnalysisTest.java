package dev.gapwise.gap.family;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.Scale;
import dev.gapwise.catalog.TaskFamilies;
import dev.gapwise.catalog.TaskFamily;
import dev.gapwise.gap.Comparison;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.gapwise.gap.testing.Synthetic.closed;
import static dev.gapwise.gap.testing.Synthetic.day;
import static dev.gapwise.gap.testing.Synthetic.months;
import static dev.gapwise.gap.testing.Synthetic.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A family of four index benchmarks worked out by hand. On {@code bench_a} the closed frontier is 100 from day 0 and
 * 120 from day 100; the open frontier 100 from day 50 and 115 from day 200; the last release is day 210. On that day
 * the open best is 115 and the closed frontier was last no better than 115 on day 99: lag now 111 days. Method (a):
 * the closed record 100 is first beaten (strictly, no tolerance) by the open 115 on day 200, 200 days later; the
 * closed 120 is still open. {@code bench_b} has two open models (too few); {@code bench_c} was last scored on day
 * -300, more than 12 months before day 210 (stale); {@code bench_d} is not in the data.
 */
class FamilyAnalysisTest {
    private static final Benchmark A = new Benchmark("bench_a", "Bench A", Scale.INDEX);
    private static final Benchmark B = new Benchmark("bench_b", "Bench B", Scale.INDEX);
    private static final Benchmark C = new Benchmark("bench_c", "Bench C", Scale.INDEX);
    private static final TaskFamily FAMILY = new TaskFamily("coding", "Coding", List.of(
            new TaskFamily.Member("bench_a", "paper a"), new TaskFamily.Member("bench_b", "paper b"),
            new TaskFamily.Member("bench_c", "paper c"), new TaskFamily.Member("bench_d", "paper d")));

    private static Catalog catalog() {
        Dataset.Builder data = Dataset.builder(new DataSnapshot("synthetic", day(210), "test"))
                .benchmark(A).benchmark(B).benchmark(C);
        add(data, closed("C1"), 0, A, 100);
        add(data, closed("C2"), 100, A, 120);
        add(data, closed("C3"), 150, A, 110);
        add(data, open("O1"), 50, A, 100);
        add(data, open("O2"), 200, A, 115);
        add(data, open("O3"), 210, A, 90);
        score(data, "C1", B, 50);
        score(data, "C2", B, 60);
        score(data, "C3", B, 70);
        score(data, "O1", B, 55);
        score(data, "O2", B, 65);
        add(data, closed("C4"), -400, C, 10);
        add(data, closed("C5"), -350, C, 20);
        add(data, closed("C6"), -300, C, 30);
        add(data, open("O4"), -400, C, 5);
        add(data, open("O5"), -350, C, 6);
        add(data, open("O6"), -300, C, 7);
        return new Catalog(List.of(data.build()), List.of(), new TaskFamilies(List.of(FAMILY)));
    }

    private static void add(Dataset.Builder data, Model model, int releaseDay, Benchmark benchmark, double value) {
        data.model(Model.builder(model.id(), model.name()).access(model.access()).countries(model.countries())
                .releaseDate(day(releaseDay)).build());
        score(data, model.id(), benchmark, value);
    }

    private static void score(Dataset.Builder data, String model, Benchmark benchmark, double value) {
        data.score(new BenchmarkScore(model, benchmark.id(), value, Optional.empty(), "test"));
    }

    @Test
    void aFamilyWithOneUsableBenchmarkHasNotEnoughDataAndSaysWhyForEachBenchmark() {
        FamilyReport report = FamilyAnalysis.run(catalog(), List.of(FAMILY), List.of(Comparison.OPEN_VS_CLOSED),
                FamilyAnalysis.Settings.defaults());

        FamilyReport.Row row = report.rows().getFirst();
        assertThat(row.missing()).containsExactly("bench_d");
        FamilyCell cell = row.cells().getFirst();
        assertThat(cell.supported()).isFalse();
        assertThat(cell.notEnoughData()).hasValue("not enough data: 1 of 3 benchmarks count, 2 needed");
        assertThat(cell.benchmarks()).extracting(r -> r.excluded().orElse("counts")).containsExactly("counts",
                "3 closed and 2 open weights models scored, 3 each needed",
                "stale: no model scored since " + day(-300) + " (the newest score in this report is " + day(210) + ")");
    }

    @Test
    void theLagNowIsMethodDOnTheLastReleaseAndTheCatchUpsArePooled() {
        FamilyReport report = FamilyAnalysis.run(catalog(), List.of(FAMILY), List.of(Comparison.OPEN_VS_CLOSED),
                new FamilyAnalysis.Settings(1, 3, 12));

        FamilyCell cell = report.rows().getFirst().cells().getFirst();
        assertThat(cell.supported()).isTrue();
        assertThat(cell.lagNow().getAsDouble()).isCloseTo(months(111), within(1e-9));
        assertThat(cell.catchUps().orElseThrow().count()).isEqualTo(1);
        assertThat(cell.catchUps().orElseThrow().mean()).isCloseTo(months(200), within(1e-9));
        assertThat(cell.leaderModels()).isEqualTo(3);
        assertThat(cell.followerModels()).isEqualTo(3);
        assertThat(report.newestScore()).hasValue(day(210));
    }

    @Test
    void familyAgesAreTheMedianOfTheModelsFrontierAgesOverTheFamilysBenchmarks() {
        Catalog catalog = catalog();
        FamilyAges ages = FamilyAges.of(catalog.datasets().getFirst(), catalog.families());

        // C1 scores 100 on bench_a (frontier reached 100 on day 0: 210 days before day 210) and 50 on bench_b
        // (the all-models frontier of bench_b is 70 at day 150, reached 50 first on day 0: 210 days).
        FamilyAges.Age c1 = ages.age("C1", "coding").orElseThrow();
        assertThat(c1.benchmarks()).containsOnlyKeys("bench_a", "bench_b");
        assertThat(c1.months()).isCloseTo(months(210), within(1e-9));
        // O2 scores 115 on bench_a (first reached on day 100: 110 days) and 65 on bench_b (first reached by C3, 60 days).
        assertThat(ages.age("O2", "coding").orElseThrow().months()).isCloseTo(months((110 + 60) / 2.0), within(1e-9));
        assertThat(ages.age("O2", "vision")).isEmpty();
        assertThat(FamilyAges.familyOf("family:coding")).hasValue("coding");
        assertThat(FamilyAges.familyOf("eci")).isEmpty();
    }
}
