package dev.gapwise.gap.diff;

import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.analysis.GapRequest;
import dev.gapwise.gap.method.Method;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.gapwise.gap.testing.Synthetic.closed;
import static dev.gapwise.gap.testing.Synthetic.day;
import static dev.gapwise.gap.testing.Synthetic.months;
import static dev.gapwise.gap.testing.Synthetic.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Method (a) on two ECI snapshots. Old: closed A 100 (day 0), open B 101 (day 100): one catch-up of 100 days. New:
 * A refitted to 102, so B no longer catches it, but the new open model C (103, day 300) does: 300 days. The change of
 * +200 days splits into "refit" (the old models alone give no catch-up: undefined) and "new models".
 */
class SnapshotDiffTest {
    private static Dataset eci(String name, int snapshotDay, double aScore, boolean withC) {
        Dataset.Builder data = Dataset.builder(new DataSnapshot(name, day(snapshotDay), "test")).benchmark(Benchmarks.ECI);
        add(data, closed("A"), 0, aScore);
        add(data, open("B"), 100, 101);
        if (withC) {
            add(data, open("C"), 300, 103);
        }
        return data.build();
    }

    private static void add(Dataset.Builder data, Model model, int releaseDay, double score) {
        data.model(Model.builder(model.id(), model.name()).access(model.access()).countries(model.countries())
                .releaseDate(day(releaseDay)).build());
        data.score(new BenchmarkScore(model.id(), "eci", score, Optional.empty(), "test"));
    }

    @Test
    void theChangeSplitsIntoRescoredOldModelsAndAddedModels() {
        GapRequest request = new GapRequest("eci", Optional.empty(), List.of(Comparison.OPEN_VS_CLOSED),
                List.of(Method.DISCRETE_CATCH_UP), OptionalDouble.empty(), Optional.empty(), Optional.empty(), List.of());

        SnapshotDiff.Report report = SnapshotDiff.run(eci("old", 200, 100, false), eci("new", 400, 102, true), request);

        SnapshotDiff.Row row = report.rows().getFirst();
        assertThat(row.before().getAsDouble()).isCloseTo(months(100), within(1e-9));
        assertThat(row.refitted()).isEmpty();
        assertThat(row.after().getAsDouble()).isCloseTo(months(300), within(1e-9));
        assertThat(row.change().getAsDouble()).isCloseTo(months(200), within(1e-9));
        assertThat(report.added()).extracting(Model::id).containsExactly("C");
        assertThat(report.removed()).isEmpty();
        assertThat(report.moved()).singleElement().satisfies(m -> {
            assertThat(m.model().id()).isEqualTo("A");
            assertThat(m.change()).isEqualTo(2.0);
        });
    }
}
