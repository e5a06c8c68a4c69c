package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Frontier;
import dev.gapwise.gap.Months;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.stats.Summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Method (c), horizontal distance: invert both frontiers into "first date the group reached score s",
 * and average t_follower(s − tol) − t_leader(s) over an even grid of s across the score range both groups
 * have reached (on the transformed scale). This is the distance between the two step curves measured
 * along the time axis, as in Epoch AI's 2025 open-vs-SOTA insight.
 *
 * @param tolerance  allowance on the transformed scale
 * @param transform  comparison scale
 * @param gridPoints how many score levels to average over
 */
public record HorizontalDistance(double tolerance, Transform transform, int gridPoints) implements LagMethod {
    public HorizontalDistance {
        if (gridPoints < 2) {
            throw new IllegalArgumentException("need at least 2 grid points, got " + gridPoints);
        }
    }

    @Override
    public Method method() {
        return Method.HORIZONTAL_DISTANCE;
    }

    @Override
    public LagResult measure(Series series, Comparison comparison) {
        Frontier leader = series.frontier(comparison.leader());
        Frontier follower = series.frontier(comparison.follower());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tolerance", String.valueOf(tolerance));
        parameters.put("grid points", String.valueOf(gridPoints));
        if (leader.isEmpty() || follower.isEmpty()) {
            return LagResult.unsupported(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                    "one of the groups has no scored models");
        }
        // Both frontiers on the comparison scale, the follower's raised by the tolerance: t_B(s - tol) is then
        // the first date the raised frontier reaches s, and the range ends are exactly records' values.
        Frontier leaderScale = transform.onScale(leader, 0);
        Frontier followerScale = transform.onScale(follower, tolerance);
        double low = Math.max(leaderScale.records().getFirst().value(), followerScale.records().getFirst().value());
        double high = Math.min(leaderScale.best().orElseThrow(), followerScale.best().orElseThrow());
        if (!(high > low)) {
            return LagResult.unsupported(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                    "the two frontiers share no score range");
        }
        parameters.put("score range", format(transform.invert(low)) + " to " + format(transform.invert(high)));
        List<Double> lags = new ArrayList<>();
        for (int k = 0; k < gridPoints; k++) {
            double s = Math.min(high, low + (high - low) * k / (gridPoints - 1));
            LocalDate leaderDate = leaderScale.firstDateAtLeast(s).orElseThrow();
            Optional<LocalDate> followerDate = followerScale.firstDateAtLeast(s);
            followerDate.ifPresent(date -> lags.add(Months.between(leaderDate, date)));
        }
        Summary summary = Summary.of(lags);
        return new LagResult(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                OptionalDouble.of(summary.mean()), "mean over " + lags.size() + " score levels", Optional.of(summary),
                List.of(), List.of(), Map.of(), List.of());
    }

    private static String format(double value) {
        return String.valueOf(Math.round(value * 1e4) / 1e4);
    }
}
