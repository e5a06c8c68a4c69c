package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a lag moved over time: method (d) run window by window (half-years by default), so "the lag shrank
 * from about 12 months to about 3" can be checked window by window rather than asserted.
 */
public final class LagOverTime {
    private LagOverTime() {
    }

    /**
     * One window's lag.
     *
     * @param label  e.g. "2024 H2"
     * @param from   first day
     * @param to     last day
     * @param result method (d) on that window
     */
    public record Window(String label, LocalDate from, LocalDate to, LagResult result) {
        /** The window's mean lag, if defined. */
        public OptionalDouble months() {
            return result.months();
        }
    }

    /** Method (d) over consecutive half-years from the first half-year in which both groups exist. */
    public static List<Window> halfYears(Series series, Comparison comparison, double tolerance, Transform transform) {
        var leaderStart = series.frontier(comparison.leader()).start();
        var followerStart = series.frontier(comparison.follower()).start();
        if (leaderStart.isEmpty() || followerStart.isEmpty()) {
            return List.of();
        }
        LocalDate first = leaderStart.get().isAfter(followerStart.get()) ? leaderStart.get() : followerStart.get();
        LocalDate end = series.asOf();
        LocalDate from = LocalDate.of(first.getYear(), first.getMonthValue() <= 6 ? 1 : 7, 1);
        List<Window> windows = new ArrayList<>();
        while (!from.isAfter(end)) {
            LocalDate to = from.plusMonths(6).minusDays(1);
            LocalDate last = to.isAfter(end) ? end : to;
            String label = from.getYear() + (from.getMonthValue() == 1 ? " H1" : " H2");
            LagResult result = new BackwardLag(tolerance, transform, Optional.of(from), Optional.of(last))
                    .measure(series, comparison);
            windows.add(new Window(label, from, last, result));
            from = from.plusMonths(6);
        }
        return windows;
    }
}
