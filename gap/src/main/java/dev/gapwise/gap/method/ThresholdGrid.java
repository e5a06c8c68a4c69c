package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Frontier;
import dev.gapwise.gap.Months;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.stats.Summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Method (f), the threshold grid over time (after Ihle, 2026): for every level of a fine grid that the
 * follower frontier has reached, the lag is the follower's first crossing date minus the leader's, placed
 * at the follower's crossing. A Gaussian kernel over those dated lags gives a smooth lag-over-time curve;
 * the headline is the curve's value at the latest crossing.
 *
 * @param levels          grid levels on the benchmark's scale; empty for every percentage point (accuracies)
 *                        or 100 spread levels (other scales)
 * @param bandwidthMonths standard deviation of the Gaussian kernel, in months
 */
public record ThresholdGrid(List<Double> levels, double bandwidthMonths) implements LagMethod {
    public ThresholdGrid {
        levels = List.copyOf(levels);
        if (!(bandwidthMonths > 0)) {
            throw new IllegalArgumentException("bandwidth must be positive, got " + bandwidthMonths);
        }
    }

    /** Default grid, 3-month kernel. */
    public static ThresholdGrid defaults() {
        return new ThresholdGrid(List.of(), 3.0);
    }

    @Override
    public Method method() {
        return Method.THRESHOLD_GRID;
    }

    @Override
    public LagResult measure(Series series, Comparison comparison) {
        Frontier leader = series.frontier(comparison.leader());
        Frontier follower = series.frontier(comparison.follower());
        List<Double> used = levels.isEmpty() ? Levels.grid(series.benchmark().scale(), leader, follower, 100) : levels;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("levels", used.size() + " levels");
        parameters.put("kernel", "Gaussian, sigma " + bandwidthMonths + " months");
        List<LagEvent> events = new ArrayList<>();
        for (double level : used) {
            Optional<Observation> ahead = leader.firstReaching(level, false);
            Optional<Observation> behind = follower.firstReaching(level, false);
            if (ahead.isPresent() && behind.isPresent()) {
                events.add(new LagEvent(ahead.get(), behind.get(),
                        Months.between(ahead.get().date(), behind.get().date()), OptionalDouble.of(level)));
            }
        }
        if (events.isEmpty()) {
            return LagResult.unsupported(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                    "no grid level was reached by both groups");
        }
        events.sort(Comparator.comparing(LagEvent::date));
        List<LagResult.Point> curve = smooth(events);
        Summary summary = Summary.of(events.stream().map(LagEvent::months).toList());
        return new LagResult(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                OptionalDouble.of(curve.getLast().months()), "smoothed lag at the latest crossing ("
                + events.getLast().date() + "), " + events.size() + " level crossings",
                Optional.of(summary), events, curve, Map.of(), List.of());
    }

    /** The kernel-weighted mean lag on the first of every month from the first crossing to the last. */
    private List<LagResult.Point> smooth(List<LagEvent> events) {
        LocalDate first = events.getFirst().date().withDayOfMonth(1);
        LocalDate last = events.getLast().date();
        List<LagResult.Point> curve = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusMonths(1)) {
            curve.add(new LagResult.Point(day, weightedMean(events, day)));
        }
        if (!curve.getLast().date().equals(last)) {
            curve.add(new LagResult.Point(last, weightedMean(events, last)));
        }
        return curve;
    }

    private double weightedMean(List<LagEvent> events, LocalDate at) {
        double weights = 0;
        double sum = 0;
        for (LagEvent event : events) {
            double distance = Months.between(event.date(), at) / bandwidthMonths;
            double weight = Math.exp(-0.5 * distance * distance);
            weights += weight;
            sum += weight * event.months();
        }
        return sum / weights;
    }
}
