package dev.gapwise.gap.family;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.gap.method.LagEvent;
import dev.gapwise.gap.method.ScoreGap;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One benchmark of a family, measured for one group pair.
 *
 * @param benchmark      the benchmark
 * @param snapshot       the data it came from
 * @param end            the newest release scored on it: "now" for this benchmark
 * @param leaderModels   distinct leader models scored on it
 * @param followerModels distinct follower models scored on it
 * @param lagNow         method (d) on {@code end}: months since the leader frontier was last no better than the
 *                       follower's best; empty when undefined
 * @param catchUps       method (a) catch-up events
 * @param horizontal     method (c) mean over the shared score range, when the frontiers share one
 * @param gap            the frontier gap on {@code end}
 * @param excluded       why it does not count toward the family's numbers; empty when it counts
 */
public record BenchmarkResult(Benchmark benchmark, String snapshot, LocalDate end, int leaderModels, int followerModels,
                              OptionalDouble lagNow, List<LagEvent> catchUps, OptionalDouble horizontal,
                              Optional<ScoreGap> gap, Optional<String> excluded) {
    public BenchmarkResult {
        Objects.requireNonNull(benchmark, "benchmark");
        catchUps = List.copyOf(catchUps);
    }

    /** True when it counts toward the family's numbers. */
    public boolean counts() {
        return excluded.isEmpty();
    }

    /** The frontier gap in percentage points for accuracies; empty on other scales. */
    public OptionalDouble gapPercentagePoints() {
        return gap.filter(g -> benchmark.scale() == dev.gapwise.catalog.Scale.ACCURACY)
                .map(g -> OptionalDouble.of(g.points() * 100)).orElse(OptionalDouble.empty());
    }
}
