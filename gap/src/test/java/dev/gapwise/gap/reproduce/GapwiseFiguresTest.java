package dev.gapwise.gap.reproduce;

import dev.gapwise.gap.reproduce.Reproduction.Status;
import dev.gapwise.gap.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own reference file ({@code docs/reference/gapwise_reference_figures.csv}: published rank gaps of the
 * AI Index 2025) read by {@code gap reproduce}, and rows whose words fit no recipe getting a reason that names the
 * missing piece.
 */
class GapwiseFiguresTest {
    private static List<Reproduction> reproduce(List<ReferenceFigure> figures) {
        return new Reproducer(SharedData.imported("gap").datasets()).run(figures);
    }

    private static ReferenceFigure figure(String metric, String comparison, String benchmark, String asOf, String value,
                                          String unit, String method) {
        return new ReferenceFigure("T", "test", LocalDate.of(2025, 4, 7), metric, comparison, benchmark, asOf, value, unit,
                method, "partial", 2);
    }

    @Test
    void everyRankGapOfTheProjectsReferenceFileIsComputedOverAWholeArenaSnapshot() {
        Path file = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/reference/gapwise_reference_figures.csv");
        List<Reproduction> reproductions = reproduce(ReferenceFigure.read(file));

        assertThat(reproductions).hasSize(4).allSatisfy(r -> {
            assertThat(r.status()).as(r.figure().id() + " " + r.notes()).isIn(Status.EXACT, Status.DIFFERENT);
            assertThat(r.method()).contains("over every model of one leaderboard snapshot");
        });
        Reproduction january = reproductions.getFirst();
        assertThat(january.notes().getFirst()).contains("online-Elo ratings: the only kind in this period");
        Reproduction february = reproductions.get(1);
        assertThat(february.notes().getFirst()).contains("displayed (Bradley-Terry) ratings");
    }

    @Test
    void aRankThatNoSnapshotOfThePeriodReachesIsNamed() {
        Reproduction r = reproduce(List.of(figure("score gap", "top vs 900th-ranked model", "Chatbot Arena", "2025-02",
                "5", "percent", "top minus 900th"))).getFirst();
        assertThat(r.status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(r.notes().getFirst()).contains("rank 900 was asked");
    }

    @Test
    void groupsTheReaderCannotFormNameTheWaysToWriteThem() {
        Reproduction r = reproduce(List.of(figure("time lag", "frontier labs vs the rest", "GPQA Diamond", "2025-06",
                "5", "months", "horizontal distance"))).getFirst();
        assertThat(r.status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(r.notes().getFirst()).contains("are not a pair Gapwise forms")
                .contains("two model names 'A vs B'").contains("'top vs k-th ranked'");
    }

    @Test
    void aModelTheDataDoesNotKnowIsNamedWhenTheOtherSideIsFound() {
        Reproduction r = reproduce(List.of(figure("time lag", "Llama 3.1 405B vs GPT-9 (imaginary)", "MMLU", "2024-07-23",
                "16.3", "months", "catch-up"))).getFirst();
        assertThat(r.status()).isEqualTo(Status.NOT_COMPUTABLE);
        assertThat(r.notes().getFirst()).contains("'GPT-9 (imaginary)' is not a model of any dataset that scores mmlu");
    }

    @Test
    void aListedBenchmarkSetIsPooledWithTheMethodTheSummaryNames() {
        Reproduction r = reproduce(List.of(figure("time lag", "best open vs best closed",
                "GPQA Diamond + MATH Level 5", "2026-04", "6", "months (mean)", "fixed thresholds"))).getFirst();
        assertThat(r.status()).isIn(Status.EXACT, Status.DIFFERENT);
        assertThat(r.method()).startsWith("(b) fixed thresholds pooled over 2 benchmarks");
    }
}
