package dev.gapwise.gap.family;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.TaskFamily;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.matrix.Quadrant;
import dev.gapwise.gap.matrix.QuadrantMatrix;
import dev.gapwise.gap.testing.RawCsv;
import dev.gapwise.gap.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The family cell and the 2×2 view on the shared data, their expected lags computed here from the raw CSV files:
 * on day D, take the follower's best score released by D; the lag is D minus the last day on which no leader model
 * released so far scored more than that (plus the tolerance).
 */
class FamilyGoldenTest {
    private static final String HUB = "epoch_benchmarking_hub_2026-04/";

    /** A model version with its group facts. */
    private record Row(String version, LocalDate date, double score, String access, String country) {
    }

    /** Method (d) on one day, by hand. */
    private static double lagOn(List<Row> rows, Predicate<Row> leader, Predicate<Row> follower, LocalDate day,
                                DoubleUnaryOperator scale, double tolerance) {
        double best = rows.stream().filter(follower).filter(r -> !r.date().isAfter(day))
                .mapToDouble(r -> scale.applyAsDouble(r.score())).max().orElseThrow();
        LocalDate firstAbove = rows.stream().filter(leader).filter(r -> !r.date().isAfter(day))
                .filter(r -> scale.applyAsDouble(r.score()) > best + tolerance).map(Row::date)
                .min(Comparator.naturalOrder()).orElse(null);
        return firstAbove == null ? 0 : RawCsv.months(firstAbove.minusDays(1), day);
    }

    @Test
    void aiderPolyglotLagNowForOpenVersusClosedMatchesAHandComputation() {
        Map<String, String> access = RawCsv.access();
        List<Row> rows = RawCsv.best(HUB + "aider_polyglot_external.csv", "Percent correct", 100).stream()
                .map(s -> new Row(s.version(), s.date(), s.score(), access.getOrDefault(s.version(), "unknown"), ""))
                .toList();
        LocalDate last = rows.stream().map(Row::date).max(Comparator.naturalOrder()).orElseThrow();
        double expected = lagOn(rows, r -> r.access().equals("closed"), r -> r.access().equals("open"), last,
                acc -> -Math.log(1 - acc), 0.02);

        Catalog catalog = new Catalog(SharedData.imported("gap").datasets(), List.of());
        TaskFamily coding = new TaskFamily("coding", "Coding", List.of(new TaskFamily.Member("aider_polyglot", "test")));
        FamilyReport report = FamilyAnalysis.run(catalog, List.of(coding), List.of(Comparison.OPEN_VS_CLOSED),
                new FamilyAnalysis.Settings(1, 3, 12));

        var result = report.rows().getFirst().cells().getFirst().benchmarks().getFirst();
        assertThat(result.end()).isEqualTo(last);
        assertThat(result.lagNow().getAsDouble()).isCloseTo(expected, within(1e-9));
        assertThat(result.followerModels()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void chinaOpenModelsBehindTheOverallEciFrontierAndBehindUsClosedModelsMatchAHandComputation() {
        Map<String, String> access = RawCsv.access();
        List<Row> rows = RawCsv.rows(HUB + "epoch_capabilities_index.csv").stream()
                .filter(r -> !r.get("ECI Score").isBlank() && !r.get("Release date").isBlank())
                .map(r -> new Row(r.get("Model version"), LocalDate.parse(r.get("Release date")),
                        Double.parseDouble(r.get("ECI Score")), access.get(r.get("Model version")),
                        r.get("Country"))).toList();
        Series series = Series.of(SharedData.gapDataset("epoch_benchmarking_hub_2026-04"), "eci").orElseThrow();
        LocalDate day = series.asOf();
        Predicate<Row> chinaOpen = r -> r.access().equals("open") && r.country().contains("China");
        Predicate<Row> usClosed = r -> r.access().equals("closed") && r.country().contains("United States of America");
        Predicate<Row> known = r -> !r.access().equals("unknown");

        QuadrantMatrix.Report report = QuadrantMatrix.run(series);

        assertThat(day).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(report.overall(Quadrant.CHINA_OPEN).now().getAsDouble())
                .isCloseTo(lagOn(rows, known, chinaOpen, day, x -> x, 0), within(1e-9));
        assertThat(report.pair(Quadrant.CHINA_OPEN, Quadrant.US_CLOSED).now().getAsDouble())
                .isCloseTo(lagOn(rows, usClosed, chinaOpen, day, x -> x, 0), within(1e-9));
        assertThat(report.pair(Quadrant.US_OPEN, Quadrant.CHINA_OPEN).now().getAsDouble())
                .isCloseTo(lagOn(rows, chinaOpen, r -> r.access().equals("open")
                        && r.country().contains("United States of America"), day, x -> x, 0), within(1e-9));
    }
}
