package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Frontier;
import dev.gapwise.gap.Months;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.stats.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Method (b), fixed thresholds: for each level L, lag = first date the follower frontier reached L − first
 * date the leader frontier did. Levels the leader reached but the follower has not are reported with the
 * lower bound they already imply (months since the leader reached them, up to the snapshot).
 *
 * @param levels the score levels, on the benchmark's own scale; empty for the defaults (35–95 % for
 *               accuracies, 10 spread levels otherwise)
 */
public record FixedThresholds(List<Double> levels) implements LagMethod {
    public FixedThresholds {
        levels = List.copyOf(levels);
    }

    /** The default levels. */
    public static FixedThresholds defaults() {
        return new FixedThresholds(List.of());
    }

    @Override
    public Method method() {
        return Method.FIXED_THRESHOLDS;
    }

    @Override
    public LagResult measure(Series series, Comparison comparison) {
        Frontier leader = series.frontier(comparison.leader());
        Frontier follower = series.frontier(comparison.follower());
        List<Double> used = levels.isEmpty()
                ? Levels.fixed(series.benchmark().scale(), leader, follower, 10) : levels;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("levels", String.join(", ", used.stream().map(FixedThresholds::format).toList()));
        List<LagEvent> events = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (double level : used) {
            Optional<Observation> ahead = leader.firstReaching(level, false);
            if (ahead.isEmpty()) {
                continue;
            }
            Optional<Observation> behind = follower.firstReaching(level, false);
            if (behind.isEmpty()) {
                notes.add("level " + format(level) + ": reached by " + ahead.get().name() + " on " + ahead.get().date()
                        + ", not yet by the follower (at least "
                        + String.format(java.util.Locale.ROOT, "%.1f", Months.between(ahead.get().date(), series.asOf()))
                        + " months by " + series.asOf() + ")");
                continue;
            }
            events.add(new LagEvent(ahead.get(), behind.get(), Months.between(ahead.get().date(), behind.get().date()),
                    OptionalDouble.of(level)));
        }
        if (events.isEmpty()) {
            notes.addFirst("no level was reached by both groups");
            return new LagResult(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                    OptionalDouble.empty(), "no result", Optional.empty(), List.of(), List.of(), Map.of(), notes);
        }
        Summary summary = Summary.of(events.stream().map(LagEvent::months).toList());
        return new LagResult(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                OptionalDouble.of(summary.mean()), "mean over " + summary.count() + " levels reached by both",
                Optional.of(summary), events, List.of(), Map.of(), notes);
    }

    static String format(double level) {
        return level == Math.rint(level) ? String.valueOf((long) level) : String.valueOf(Math.round(level * 1e4) / 1e4);
    }
}
