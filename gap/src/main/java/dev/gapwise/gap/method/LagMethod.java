package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;

/** A way to measure how far the follower group trails the leader group on one series. */
public sealed interface LagMethod
        permits DiscreteCatchUp, FixedThresholds, HorizontalDistance, BackwardLag, RegressionLag, ThresholdGrid {

    /** Which method this is. */
    Method method();

    /** The lag of {@code comparison.follower()} behind {@code comparison.leader()} on the series. */
    LagResult measure(Series series, Comparison comparison);
}
