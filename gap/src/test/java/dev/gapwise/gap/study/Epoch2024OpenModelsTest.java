package dev.gapwise.gap.study;

import dev.gapwise.gap.method.LagEvent;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.stats.Rounding;
import dev.gapwise.gap.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Golden test: Epoch AI's 2024 report figures (reference_numbers.csv rows EPO24-01 … EPO24-12, all marked
 * "reproducible exactly"), recomputed from the report's own inputs in ../shared/data.
 */
class Epoch2024OpenModelsTest {
    private static Epoch2024OpenModels.Results results;

    @BeforeAll
    static void runStudy() {
        results = Epoch2024OpenModels.run(SharedData.gapDataset("epoch_open_models_report_2024-11"),
                Optional.of(SharedData.gapDataset("all_ml_systems_snapshot_2024-11")));
    }

    @Test
    void findsTheThirteenCatchUpsOfTheReport() {
        List<String> pairs = results.pooledEvents().stream()
                .map(e -> e.leader().name() + " -> " + e.follower().name()).toList();
        assertThat(pairs).containsExactly(
                "text-davinci-001 -> BLOOM-176B", "Gopher 280B -> LLaMa-1 65B", "code-davinci-002 -> LLaMa-2 70B",
                "PaLM 540B -> Grok-1", "GPT-4 (original) -> Llama 3.1 405B",
                "gpt-4-0613 -> DeepSeek-Coder", "Claude 3 Opus -> Llama 3.1 405B",
                "gpt-3.5-turbo -> Mixtral-8x22B-instruct-v0.1", "claude-2.1 -> Llama 3 70B",
                "gpt-4-0125-preview -> Llama 3.1 405B",
                "text-davinci-001 -> GPT-NeoX 20B", "code-davinci-002 -> Falcon 180B", "PaLM-2 -> ChatGLM3-6B");
    }

    @Test
    void perBenchmarkMeansMatchEPO24_02To05() {
        List<LagResult> perBenchmark = results.perBenchmark();
        assertThat(oneDecimal(perBenchmark.get(0).months().orElseThrow())).isEqualTo("18.4"); // MMLU, 5 events
        assertThat(oneDecimal(perBenchmark.get(1).months().orElseThrow())).isEqualTo("4.6");  // GPQA, 2
        assertThat(oneDecimal(perBenchmark.get(2).months().orElseThrow())).isEqualTo("8.4");  // GSM1k, 3
        assertThat(oneDecimal(perBenchmark.get(3).months().orElseThrow())).isEqualTo("14.8"); // BBH, 3
        assertThat(perBenchmark.stream().map(r -> r.events().size()).toList()).containsExactly(5, 2, 3, 3);
    }

    @Test
    void pooledLagsMatchEPO24_01And06() {
        assertThat(results.pooled().count()).isEqualTo(13);
        assertThat(Rounding.format(results.pooled().mean(), 0)).isEqualTo("13");
        assertThat(Rounding.format(results.pooled().median(), 0)).isEqualTo("15");
        assertThat(oneDecimal(results.pooled().mean())).isEqualTo("13.1");
        assertThat(oneDecimal(results.pooled().median())).isEqualTo("14.6");
        assertThat(Rounding.format(results.pooled().p5(), 0)).isEqualTo("5");
        assertThat(Rounding.format(results.pooled().p95(), 0)).isEqualTo("22");
    }

    @Test
    void llama31CatchesOriginalGpt4After16Point3MonthsAsEPO24_07() {
        LagEvent event = results.event("GPT-4 (original)", "Llama 3.1 405B").orElseThrow();
        assertThat(oneDecimal(event.months())).isEqualTo("16.3");
        assertThat(event.leader().value()).isEqualTo(0.864);
        assertThat(event.follower().value()).isEqualTo(0.873);
    }

    @Test
    void computeCatchUpMatchesEPO24_08() {
        LagResult compute = results.computeCatchUp().orElseThrow();
        assertThat(results.topOne()).hasSize(20);
        assertThat(compute.events()).hasSize(9);
        assertThat(oneDecimal(compute.months().orElseThrow())).isEqualTo("16.3");
        assertThat(oneDecimal(compute.summary().orElseThrow().p5())).isEqualTo("8.9");
        assertThat(oneDecimal(compute.summary().orElseThrow().p95())).isEqualTo("25.5");
    }

    @Test
    void regressionLagAndIntervalMatchEPO24_09And12() {
        LagResult regression = results.computeRegression().orElseThrow();
        assertThat(regression.extra().get("separate_slopes_months")).isCloseTo(15.373384, within(1e-5));
        assertThat(regression.extra().get("equal_slopes_months")).isCloseTo(15.610278, within(1e-5));
        assertThat(oneDecimal(regression.extra().get("separate_slopes_months"))).isEqualTo("15.4");
        assertThat(oneDecimal(regression.months().orElseThrow())).isEqualTo("15.6");
        // The report prints the notebook's 2-decimal interval [11.55, 19.82] to one decimal.
        assertThat(Rounding.numpy(regression.extra().get("equal_slopes_ci5"), 2)).isEqualTo(11.55);
        assertThat(Rounding.numpy(regression.extra().get("equal_slopes_ci95"), 2)).isEqualTo(19.82);
        assertThat(oneDecimal(regression.extra().get("growth_per_year_equal"))).isEqualTo("4.6");
    }

    @Test
    void weightedHeadlineIsFourteenMonthsAsEPO24_10() {
        assertThat(Rounding.format(results.weightedHeadline(15, 15), 0)).isEqualTo("14");
    }

    private static String oneDecimal(double value) {
        return Rounding.format(value, 1);
    }
}
