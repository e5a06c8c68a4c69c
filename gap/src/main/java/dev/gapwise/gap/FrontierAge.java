package dev.gapwise.gap;

import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Dataset;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How many months behind the frontier each model of a dataset is, on one index or benchmark: the time
 * from the day the frontier of all models first reached the model's score to the date the scores describe.
 * A model at today's frontier is 0 months behind; one whose score the frontier first reached a year ago is
 * 12 months behind, whenever it was released. This is the lag a routing policy caps ("at most 3 months
 * behind"). Immutable and thread-safe.
 */
public final class FrontierAge {
    private final String benchmark;
    private final String snapshot;
    private final LocalDate asOf;
    private final Map<String, Double> monthsByModel;

    private FrontierAge(String benchmark, String snapshot, LocalDate asOf, Map<String, Double> monthsByModel) {
        this.benchmark = benchmark;
        this.snapshot = snapshot;
        this.asOf = asOf;
        this.monthsByModel = Map.copyOf(monthsByModel);
    }

    /** The ages of every scored model of {@code dataset} on {@code benchmarkId}; empty when it has no such scores. */
    public static Optional<FrontierAge> of(Dataset dataset, String benchmarkId) {
        Optional<Series> found = Series.of(dataset, benchmarkId);
        if (found.isEmpty() || found.get().observations().isEmpty()) {
            return Optional.empty();
        }
        Series series = found.get();
        Frontier frontier = series.frontier(Group.ALL);
        Map<String, Double> months = new HashMap<>();
        for (BenchmarkScore score : dataset.scores(benchmarkId)) {
            Optional<LocalDate> reached = frontier.firstDateAtLeast(score.value());
            reached.ifPresent(date -> months.merge(score.modelId(),
                    Math.max(0, Months.between(date, series.asOf())), Math::min));
        }
        return Optional.of(new FrontierAge(series.benchmark().id(), series.snapshot().label(), series.asOf(), months));
    }

    /** Months behind the frontier, or empty when the model has no score here. */
    public OptionalDouble monthsBehind(String modelId) {
        Double months = monthsByModel.get(modelId);
        return months == null ? OptionalDouble.empty() : OptionalDouble.of(months);
    }

    /** The benchmark or index the ages are measured on. */
    public String benchmark() {
        return benchmark;
    }

    /** The data snapshot, for reasons and reports. */
    public String snapshot() {
        return snapshot;
    }

    /** The date the ages are measured to. */
    public LocalDate asOf() {
        return asOf;
    }

    /** One line naming the method and data. */
    public String method() {
        return "months from the day the frontier of all models first reached the model's " + benchmark
                + " score to " + asOf + " (" + snapshot + ")";
    }
}
