package dev.gapwise.gap.compare;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.method.FixedThresholds;
import dev.gapwise.gap.method.Method;
import dev.gapwise.gap.testing.RawCsv;
import dev.gapwise.gap.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each new comparison kind on the shared data, its expected value computed here from the raw CSV files (FastCSV
 * and arithmetic, none of the project's readers or methods).
 */
class ComparisonGoldenTest {
    private static final String HUB = "epoch_benchmarking_hub_2026-04/";

    private static List<Dataset> datasets() {
        return SharedData.imported("gap").datasets();
    }

    @Test
    void llama31OfJuly2024ReachedTheOriginalGpt4OnMmlu16Point3MonthsLater() {
        Map<String, String> gpt4 = null;
        Map<String, String> llama = null;
        for (Map<String, String> row : RawCsv.rows("epoch_open_models_report_2024-11/benchmarks_with_model_accessibility.csv")) {
            if (row.get("System").equals("GPT-4 (original)")) {
                gpt4 = row;
            } else if (row.get("System").equals("Llama 3.1 405B")) {
                llama = row;
            }
        }
        double expected = RawCsv.months(LocalDate.parse(gpt4.get("Date")), LocalDate.parse(llama.get("Date")));
        double nats = -Math.log(1 - Double.parseDouble(llama.get("MMLU"))) - -Math.log(1 - Double.parseDouble(gpt4.get("MMLU")));

        ModelComparison comparison = ModelComparison.of(datasets().stream()
                        .filter(d -> d.snapshot().name().equals("epoch_open_models_report_2024-11")).toList(), "mmlu",
                "Llama 3.1 405B", "GPT-4 (original)", OptionalDouble.empty());

        assertThat(nats).isPositive();
        assertThat(comparison.leader().name()).isEqualTo("GPT-4 (original)");
        assertThat(comparison.reached()).isTrue();
        assertThat(comparison.months().getAsDouble()).isCloseTo(expected, within(1e-12));
        assertThat(String.format("%.1f", expected)).isEqualTo("16.3");
    }

    @Test
    void topVersusTenthOverEveryModelOfTheFebruary16Arena2025SnapshotIs5Point73Percent() {
        Map<String, Double> ratings = new HashMap<>();
        for (Map<String, String> row : RawCsv.rows("lmarena_text_leaderboard_snapshots_2024-06_2025-08.csv")) {
            if (row.get("snapshot_version").equals("2025-02-16")) {
                ratings.merge(row.get("model"), Double.parseDouble(row.get("arena_score")), Math::max);
            }
        }
        List<Double> sorted = ratings.values().stream().sorted(Comparator.reverseOrder()).toList();
        double expected = (sorted.get(0) - sorted.get(9)) / sorted.get(9) * 100;

        RankGap gap = RankGap.latest(datasets(), "arena_text", LocalDate.of(2025, 2, 16), 10);

        assertThat(gap.board().date()).isEqualTo(LocalDate.of(2025, 2, 16));
        assertThat(gap.board().entries()).hasSize(ratings.size());
        assertThat(gap.percent()).isCloseTo(expected, within(1e-12));
        assertThat(gap.choice()).startsWith("displayed");
        assertThat(String.format("%.2f", expected)).isEqualTo("5.73");
    }

    @Test
    void fixedThresholdLagsPooledOverGpqaDiamondAndMathLevel5MatchAHandCount() {
        Map<String, String> access = RawCsv.access();
        List<Double> lags = new ArrayList<>();
        for (String file : List.of("gpqa_diamond.csv", "math_level_5.csv")) {
            List<RawCsv.Scored> scored = RawCsv.best(HUB + file, "mean_score", 1);
            for (int percent = 35; percent <= 95; percent += 5) {
                double level = percent / 100.0;
                LocalDate closed = first(scored, access, "closed", level);
                LocalDate open = first(scored, access, "open", level);
                if (closed != null && open != null) {
                    lags.add(RawCsv.months(closed, open));
                }
            }
        }
        double expected = lags.stream().mapToDouble(Double::doubleValue).average().orElseThrow();

        Dataset hub = SharedData.gapDataset("epoch_benchmarking_hub_2026-04");
        PooledLag pooled = PooledLag.run(List.of(Series.of(hub, "gpqa_diamond").orElseThrow(),
                        Series.of(hub, "math_level_5").orElseThrow()), Comparison.OPEN_VS_CLOSED, Method.FIXED_THRESHOLDS,
                s -> FixedThresholds.defaults());

        assertThat(pooled.pooled()).hasSize(lags.size());
        assertThat(pooled.summary().orElseThrow().mean()).isCloseTo(expected, within(1e-9));
    }

    private static LocalDate first(List<RawCsv.Scored> scored, Map<String, String> access, String kind, double level) {
        return scored.stream().filter(s -> kind.equals(access.getOrDefault(s.version(), "unknown")))
                .filter(s -> s.score() >= level).map(RawCsv.Scored::date).min(Comparator.naturalOrder()).orElse(null);
    }
}
