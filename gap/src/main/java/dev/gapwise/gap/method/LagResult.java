package dev.gapwise.gap.method;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.stats.Summary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a lag method found, with everything needed to say where the number comes from.
 *
 * @param method     the method
 * @param comparison which groups were compared
 * @param benchmark  on what
 * @param snapshot   from which data
 * @param parameters the settings used (tolerance, levels, window, …), in display order
 * @param months     the headline lag in months; empty when the data cannot support one
 * @param statistic  what the headline is ("mean of 5 catch-ups", "mean over 412 days", …)
 * @param summary    distribution of the underlying lags, when there are several
 * @param events     individual catch-ups, for event-based methods
 * @param curve      lag over time (date → months), for methods that produce one
 * @param extra      further named numbers (fits, intervals, growth rates)
 * @param notes      caveats, and the reason when there is no headline
 */
public record LagResult(Method method, Comparison comparison, Benchmark benchmark, DataSnapshot snapshot,
                        Map<String, String> parameters, OptionalDouble months, String statistic,
                        Optional<Summary> summary, List<LagEvent> events, List<Point> curve,
                        Map<String, Double> extra, List<String> notes) {

    public LagResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(snapshot, "snapshot");
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        Objects.requireNonNull(months, "months");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(summary, "summary");
        events = List.copyOf(events);
        curve = List.copyOf(curve);
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
        notes = List.copyOf(notes);
    }

    /**
     * A point of a lag-over-time curve.
     *
     * @param date   the day
     * @param months the lag on that day
     */
    public record Point(LocalDate date, double months) {
    }

    /** A result with no headline, saying why. */
    static LagResult unsupported(Method method, Comparison comparison, Benchmark benchmark, DataSnapshot snapshot,
                                 Map<String, String> parameters, String reason) {
        return new LagResult(method, comparison, benchmark, snapshot, parameters, OptionalDouble.empty(),
                "no result", Optional.empty(), List.of(), List.of(), Map.of(), List.of(reason));
    }

    /** True when the data supported a headline number. */
    public boolean hasResult() {
        return months.isPresent();
    }
}
