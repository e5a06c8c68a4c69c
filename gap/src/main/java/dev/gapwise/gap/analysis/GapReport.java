package dev.gapwise.gap.analysis;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.method.LagOverTime;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.ScoreGap;

import java.util.List;
import java.util.Optional;

/**
 * The result of a {@link GapRequest}.
 *
 * @param benchmark the benchmark analysed
 * @param snapshot  the data it came from
 * @param series    the dated scores used
 * @param sections  one section per group pair
 */
public record GapReport(Benchmark benchmark, DataSnapshot snapshot, Series series, List<Section> sections) {
    public GapReport {
        sections = List.copyOf(sections);
    }

    /**
     * One group pair's numbers.
     *
     * @param comparison the groups
     * @param leaderModels how many scored models the leader group has
     * @param followerModels how many the follower group has
     * @param currentGap the frontier gap on the snapshot date
     * @param lags       one result per requested method
     * @param trend      method (d) by half-year
     */
    public record Section(Comparison comparison, int leaderModels, int followerModels, Optional<ScoreGap> currentGap,
                          List<LagResult> lags, List<LagOverTime.Window> trend) {
        public Section {
            lags = List.copyOf(lags);
            trend = List.copyOf(trend);
        }
    }
}
