package dev.gapwise.gap.reproduce;

import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.gap.reproduce.PublishedValue.Printed;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.gapwise.gap.testing.Synthetic.closed;
import static dev.gapwise.gap.testing.Synthetic.day;
import static dev.gapwise.gap.testing.Synthetic.open;
import static org.assertj.core.api.Assertions.assertThat;

class ReproducerTest {

    /**
     * ECI scores: closed 100 (day 0) and 130 (day 365, 2022-01-01); open 95 (day 73) and 121.5 (day 400,
     * 2022-02-05). On 2022-02-28 the frontiers stand at 130 and 121.5: a gap of 8.5 points.
     */
    private static Dataset eci() {
        Dataset.Builder dataset = Dataset.builder(new DataSnapshot("synthetic eci", day(800), "/data/eci.csv"))
                .benchmark(Benchmarks.ECI);
        add(dataset, closed("A1"), 0, 100);
        add(dataset, closed("A2"), 365, 130);
        add(dataset, open("B1"), 73, 95);
        add(dataset, open("B2"), 400, 121.5);
        return dataset.build();
    }

    private static void add(Dataset.Builder dataset, Model model, int releaseDay, double score) {
        Model dated = Model.builder(model.id(), model.name()).access(model.access()).countries(model.countries())
                .releaseDate(day(releaseDay)).build();
        dataset.model(dated).score(new BenchmarkScore(dated.id(), "eci", score, Optional.empty(), "test"));
    }

    private static ReferenceFigure scoreGap(String benchmark, String value, String reproducible) {
        return new ReferenceFigure("T-1", "test", LocalDate.of(2024, 1, 1), "score gap", "top closed vs top open",
                benchmark, "2022-02", value, "ECI points", "frontier difference", reproducible, 2);
    }

    private static Reproduction reproduce(ReferenceFigure figure) {
        return new Reproducer(List.of(eci())).reproduce(figure);
    }

    @Test
    void numberMatchesWhenItRoundsHalfEvenToThePrintedValue() {
        assertThat(Reproducer.matches(1.7046, new Printed(1.70, 2))).isTrue();
        assertThat(Reproducer.matches(13.1, new Printed(13, 0))).isTrue();
        assertThat(Reproducer.matches(14.6, new Printed(15, 0))).isTrue();
        assertThat(Reproducer.matches(12.5, new Printed(12, 0))).as("half to even").isTrue();
        assertThat(Reproducer.matches(13.5, new Printed(13, 0))).as("half to even").isFalse();
        assertThat(Reproducer.matches(13.5, new Printed(14, 0))).isTrue();
    }

    @Test
    void roundingUsesTheExactBinaryValue() {
        assertThat(Reproducer.matches(2.675, new Printed(2.67, 2))).as("2.675 is 2.67499…").isTrue();
        assertThat(Reproducer.matches(2.675, new Printed(2.68, 2))).as("2.675 is 2.67499…").isFalse();
        assertThat(Reproducer.matches(0.35, new Printed(0.4, 1))).as("0.35 is 0.34999…").isFalse();
        assertThat(Reproducer.matches(1.705, new Printed(1.70, 2))).as("1.705 is 1.70500…07").isFalse();
        assertThat(Reproducer.matches(0.05, new Printed(0.1, 1))).as("0.05 is 0.0500…03").isTrue();
        assertThat(Reproducer.matches(0.15, new Printed(0.2, 1))).as("0.15 is 0.1499…").isFalse();
    }

    @Test
    void figureRecomputedToItsPrintedRoundingIsExact() {
        Reproduction reproduction = reproduce(scoreGap("ECI", "8.5", "yes"));

        assertThat(reproduction.status()).isEqualTo(Reproduction.Status.EXACT);
        assertThat(reproduction.recomputed()).isEqualTo("8.5");
        assertThat(reproduction.compared()).containsExactly("headline");
        assertThat(reproduction.snapshot()).isEqualTo("synthetic eci (2023-03-12)");
    }

    @Test
    void exactFigureThatDiffersIsDifferent() {
        Reproduction reproduction = reproduce(scoreGap("ECI", "9", "yes"));

        assertThat(reproduction.status()).isEqualTo(Reproduction.Status.DIFFERENT);
        assertThat(reproduction.recomputed()).as("printed like the figure").isEqualTo("8");
    }

    @Test
    void approximateFigureIsHeldToAQuarterOfItsValue() {
        Reproduction within = reproduce(scoreGap("ECI", "10", "approx"));
        Reproduction outside = reproduce(scoreGap("ECI", "12", "approx"));

        assertThat(within.status()).isEqualTo(Reproduction.Status.WITHIN_TOLERANCE);
        assertThat(within.tolerance()).isEqualTo("published ± 2.5 (25% of the value): [7.5, 12.5]");
        assertThat(outside.status()).isEqualTo(Reproduction.Status.DIFFERENT);
    }

    @Test
    void approximateFigureWithAWideIntervalIsHeldToHalfOfIt() {
        Reproduction reproduction = reproduce(scoreGap("ECI", "4 (90% CI 0-10)", "approx"));

        assertThat(reproduction.status()).isEqualTo(Reproduction.Status.WITHIN_TOLERANCE);
        assertThat(reproduction.tolerance()).isEqualTo("published ± 5 (half the published 90% interval): [-1, 9]");
    }

    @Test
    void benchmarkMissingFromTheDataIsNotComputableWithAReason() {
        Reproduction reproduction = reproduce(scoreGap("MMMU", "13.5", "no"));

        assertThat(reproduction.status()).isEqualTo(Reproduction.Status.NOT_COMPUTABLE);
        assertThat(reproduction.notes()).containsExactly("no dataset in the data scores 'MMMU'");
    }
}
