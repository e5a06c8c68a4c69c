package dev.gapwise.gap;

import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static dev.gapwise.gap.testing.Synthetic.INDEX;
import static dev.gapwise.gap.testing.Synthetic.closed;
import static dev.gapwise.gap.testing.Synthetic.day;
import static dev.gapwise.gap.testing.Synthetic.open;
import static dev.gapwise.gap.testing.Synthetic.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class SeriesTest {

    private static Model dated(Model model, int days) {
        return Model.builder(model.id(), model.name()).access(model.access()).countries(model.countries())
                .releaseDate(day(days)).build();
    }

    private static BenchmarkScore score(String modelId, double value, Optional<LocalDate> measuredOn) {
        return new BenchmarkScore(modelId, INDEX.id(), value, measuredOn, "test");
    }

    @Test
    void readsDatedScoresInDateOrderAndCountsUndatedOnes() {
        Dataset dataset = Dataset.builder(snapshot(500)).benchmark(INDEX)
                .model(dated(closed("late"), 20)).model(dated(open("early"), 10)).model(closed("undated"))
                .score(score("late", 2, Optional.empty())).score(score("early", 1, Optional.empty()))
                .score(score("undated", 9, Optional.empty())).build();

        Series series = Series.of(dataset, INDEX.id()).orElseThrow();

        assertThat(series.observations()).extracting(Observation::name).containsExactly("early", "late");
        assertThat(series.undated()).isEqualTo(1);
        assertThat(series.asOf()).as("no measurement dates: the snapshot's date").isEqualTo(day(500));
        assertThat(series.of(Group.OPEN)).extracting(Observation::name).containsExactly("early");
    }

    @Test
    void asOfIsTheNewestMeasurementDateWhenScoresHaveOne() {
        Dataset dataset = Dataset.builder(snapshot(500)).benchmark(INDEX)
                .model(dated(closed("a"), 0)).model(dated(open("b"), 5))
                .score(score("a", 1, Optional.of(day(40)))).score(score("b", 1, Optional.of(day(60)))).build();

        assertThat(Series.of(dataset, INDEX.id()).orElseThrow().asOf()).isEqualTo(day(60));
    }

    @Test
    void benchmarkTheDatasetDoesNotScoreGivesNoSeries() {
        Dataset dataset = Dataset.builder(snapshot(0)).build();

        assertThat(Series.of(dataset, "nothing")).isEmpty();
    }

    @Test
    void filterKeepsSnapshotAndAsOf() {
        Series series = Series.of(INDEX, snapshot(100), java.util.List.of(
                new Observation(closed("a"), day(0), 1), new Observation(closed("b"), day(50), 2)));

        Series filtered = series.filter(o -> o.date().isAfter(day(10)));

        assertThat(filtered.observations()).extracting(Observation::name).containsExactly("b");
        assertThat(filtered.asOf()).isEqualTo(day(100));
        assertThat(filtered.snapshot()).isEqualTo(series.snapshot());
    }
}
