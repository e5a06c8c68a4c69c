package dev.gapwise.gap.reproduce;

import dev.gapwise.gap.reproduce.ReferenceFigure.Expectation;
import dev.gapwise.gap.reproduce.Reproduction.Status;
import dev.gapwise.gap.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden test: every figure of {@code ../shared/data/gap/reference_numbers.csv}, recomputed from the shared
 * gap data. A figure the reference calls reproducible must come out exact at its printed rounding; one it
 * calls approximate must at least fall within the stated tolerance; one that cannot be computed must say why.
 */
class ReferenceNumbersTest {
    private static List<Reproduction> reproductions;

    @BeforeAll
    static void reproduceEveryFigure() {
        reproductions = new Reproducer(SharedData.imported("gap").datasets())
                .run(ReferenceFigure.read(SharedData.root().resolve("gap/reference_numbers.csv")));
    }

    private static Reproduction figure(String id) {
        return reproductions.stream().filter(r -> r.figure().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + id + " in the reference file"));
    }

    private static String describe(Reproduction r) {
        return r.figure().id() + " " + r.status() + " recomputed '" + r.recomputed() + "' vs published '"
                + r.figure().value() + "' " + r.notes();
    }

    @Test
    void everyFigureMarkedReproducibleIsExact() {
        List<Reproduction> exact = reproductions.stream()
                .filter(r -> r.figure().expectation() == Expectation.EXACT).toList();

        assertThat(exact).isNotEmpty();
        assertThat(exact).allSatisfy(r -> assertThat(r.status()).as(describe(r)).isEqualTo(Status.EXACT));
    }

    @Test
    void everyFigureMarkedApproximateIsExactOrWithinTolerance() {
        List<Reproduction> approximate = reproductions.stream()
                .filter(r -> r.figure().expectation() == Expectation.APPROXIMATE).toList();

        assertThat(approximate).isNotEmpty();
        assertThat(approximate).allSatisfy(r -> assertThat(r.status()).as(describe(r))
                .isIn(Status.EXACT, Status.WITHIN_TOLERANCE));
    }

    @Test
    void everyFigureThatCannotBeComputedSaysWhy() {
        List<Reproduction> notComputable = reproductions.stream()
                .filter(r -> r.status() == Status.NOT_COMPUTABLE).toList();

        assertThat(notComputable).isNotEmpty();
        assertThat(notComputable).allSatisfy(r -> assertThat(r.notes()).as(r.figure().id())
                .isNotEmpty().allSatisfy(note -> assertThat(note).isNotBlank()));
    }

    @Test
    void arenaGapOfFebruary2025IsExactlyOnePointSevenPercentForBothGroupPairs() {
        for (String id : List.of("AII25-02", "AII25-04")) {
            Reproduction reproduction = figure(id);
            assertThat(reproduction.status()).as(describe(reproduction)).isEqualTo(Status.EXACT);
            assertThat(reproduction.recomputed()).isEqualTo("1.70");
            assertThat(reproduction.snapshot()).endsWith("snapshot 2025-02-14");
        }
    }

    @Test
    void pooledLagsOfAllFourBenchmarksAreRecomputedNotRejectedAsAnUnlistedBenchmarkSet() {
        // EPO24-06 ("all 4 benchmarks pooled") used to fall through to the generic recipe, which refuses
        // pooled benchmark sets, although the Epoch 2024 study computes exactly that distribution.
        Reproduction reproduction = figure("EPO24-06");

        assertThat(reproduction.status()).as(describe(reproduction)).isEqualTo(Status.EXACT);
        assertThat(reproduction.recomputed()).isEqualTo("13 / 15");
        assertThat(reproduction.compared()).containsExactly("mean", "median");
    }

    @Test
    void arenaGapOfJanuary2024IsNotComputableFromOnlineEloRatings() {
        Reproduction reproduction = figure("AII25-01");

        assertThat(reproduction.status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(String.join(" ", reproduction.notes())).contains("only online-Elo ratings");
    }

    @Test
    void mmmuGapIsNotComputableForLackOfMmmuData() {
        Reproduction reproduction = figure("AII25-07");

        assertThat(reproduction.status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(String.join(" ", reproduction.notes())).contains("MMMU");
    }

    @Test
    void llama31VersusTheOriginalGpt4IsReadAsANamedModelComparison() {
        Reproduction r = figure("EPO24-07");
        assertThat(r.status()).as(describe(r)).isEqualTo(Status.EXACT);
        assertThat(r.method()).startsWith("named models");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("Llama 3.1 405B reached GPT-4 (original)'s MMLU score"));
    }

    @Test
    void aPooledFigureThatDoesNotListItsBenchmarksSaysWhatToAdd() {
        for (String id : List.of("IHL26-01", "IHL26-02")) {
            Reproduction r = figure(id);
            assertThat(r.status()).isEqualTo(Status.NOT_COMPUTABLE);
            assertThat(r.notes().getFirst()).contains("does not name them")
                    .contains("list their ids in benchmark_or_index joined by '+'");
        }
    }
}
