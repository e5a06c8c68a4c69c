package dev.gapwise.gap.family;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.stats.Summary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One family and one group pair: the numbers, and how many benchmarks and models they rest on.
 *
 * @param comparison     the group pair
 * @param benchmarks     every benchmark of the family found in the data, counted or not (with the reason)
 * @param leaderModels   distinct leader models over the counted benchmarks
 * @param followerModels distinct follower models over the counted benchmarks
 * @param lagNow         median over the counted benchmarks of method (d) on each one's last day
 * @param catchUps       method (a) catch-up lags pooled over the counted benchmarks
 * @param horizontal     median over the counted benchmarks of method (c)
 * @param gapPoints      median frontier gap in percentage points over the counted accuracy benchmarks
 * @param notEnoughData  why the family has no numbers for this pair; empty when it has them
 */
public record FamilyCell(Comparison comparison, List<BenchmarkResult> benchmarks, int leaderModels, int followerModels,
                         OptionalDouble lagNow, Optional<Summary> catchUps, OptionalDouble horizontal,
                         OptionalDouble gapPoints, Optional<String> notEnoughData) {
    public FamilyCell {
        Objects.requireNonNull(comparison, "comparison");
        benchmarks = List.copyOf(benchmarks);
    }

    /** The benchmarks that count toward the numbers. */
    public List<BenchmarkResult> counted() {
        return benchmarks.stream().filter(BenchmarkResult::counts).toList();
    }

    /** True when the data supports numbers for this cell. */
    public boolean supported() {
        return notEnoughData.isEmpty();
    }
}
