package dev.gapwise.gap.compare;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.method.LagEvent;
import dev.gapwise.gap.method.LagMethod;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.Method;
import dev.gapwise.gap.stats.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One lag method run on each of a list of benchmarks and pooled. The event methods pool their events — the
 * catch-ups of (a), the levels of (b) and of (f) — as Epoch's 2024 report pools its catch-ups; the others pool
 * each benchmark's headline ((c) mean distance, (d) mean daily lag, (e) regression lag). The pooled values are
 * summarised by mean, median and 5th/95th percentiles, and {@link Statistic} picks the headline.
 *
 * @param method     the method
 * @param comparison the groups
 * @param results    one result per benchmark, in the given order
 * @param pooled     the pooled values (events or headlines)
 * @param unit       what one pooled value is ("catch-up", "level", "benchmark")
 */
public record PooledLag(Method method, Comparison comparison, List<LagResult> results, List<Double> pooled, String unit) {
    public PooledLag {
        Objects.requireNonNull(method, "method");
        results = List.copyOf(results);
        pooled = List.copyOf(pooled);
    }

    /** Which summary of the pooled values is the headline. */
    public enum Statistic {
        MEAN, MEDIAN, P5, P95;

        /** By name ({@code mean}, {@code median}, {@code p5}, {@code p95}). */
        public static Optional<Statistic> parse(String text) {
            for (Statistic statistic : values()) {
                if (statistic.name().equalsIgnoreCase(text.strip())) {
                    return Optional.of(statistic);
                }
            }
            return Optional.empty();
        }

        /** The statistic of a summary. */
        public double of(Summary summary) {
            return switch (this) {
                case MEAN -> summary.mean();
                case MEDIAN -> summary.median();
                case P5 -> summary.p5();
                case P95 -> summary.p95();
            };
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Runs {@code method} (built per series by {@code methods}) on every series and pools. */
    public static PooledLag run(List<Series> series, Comparison comparison, Method method,
                                Function<Series, LagMethod> methods) {
        if (series.isEmpty()) {
            throw new ModelComparison.Unanswerable("no benchmark to pool over");
        }
        List<LagResult> results = new ArrayList<>();
        List<Double> pooled = new ArrayList<>();
        boolean events = method == Method.DISCRETE_CATCH_UP || method == Method.FIXED_THRESHOLDS
                || method == Method.THRESHOLD_GRID;
        for (Series one : series) {
            LagResult result = methods.apply(one).measure(one, comparison);
            results.add(result);
            if (events) {
                result.events().stream().map(LagEvent::months).forEach(pooled::add);
            } else {
                result.months().ifPresent(pooled::add);
            }
        }
        String unit = switch (method) {
            case DISCRETE_CATCH_UP -> "catch-up";
            case FIXED_THRESHOLDS, THRESHOLD_GRID -> "level";
            case HORIZONTAL_DISTANCE, BACKWARD_LAG, REGRESSION -> "benchmark";
        };
        return new PooledLag(method, comparison, results, pooled, unit);
    }

    /** The summary of the pooled values; empty when no benchmark gave a value. */
    public Optional<Summary> summary() {
        return pooled.isEmpty() ? Optional.empty() : Optional.of(Summary.of(pooled));
    }
}
