package dev.gapwise.gap.report;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.Scale;
import dev.gapwise.gap.method.LagResult;

import java.util.Locale;
import java.util.OptionalDouble;

/** Number formatting shared by the writers: one decimal for months, the benchmark's natural units for scores. */
public final class Format {
    private Format() {
    }

    static String months(double months) {
        return String.format(Locale.ROOT, "%.1f", months);
    }

    static String months(OptionalDouble months) {
        return months.isPresent() ? months(months.getAsDouble()) : "—";
    }

    /** A score in its benchmark's units: accuracies as percentages, compute as powers of ten. */
    static String score(Benchmark benchmark, double value) {
        return switch (benchmark.scale()) {
            case ACCURACY -> String.format(Locale.ROOT, "%.1f%%", value * 100);
            case COMPUTE -> String.format(Locale.ROOT, "%.2e FLOP", value);
            case INDEX, RATING, OTHER -> String.format(Locale.ROOT, "%.1f", value);
        };
    }

    /** The gap in points: percentage points for accuracies. */
    static String points(Benchmark benchmark, double points) {
        return benchmark.scale() == Scale.ACCURACY
                ? String.format(Locale.ROOT, "%.1f pp", points * 100)
                : String.format(Locale.ROOT, "%.1f points", points);
    }

    /**
     * The spread of a result, labelled for what it is: the 90 % bootstrap interval of a regression lag, the
     * daily minimum and maximum of the day-by-day lag, or the median and range of the individual catch-ups or
     * levels of the event methods.
     */
    public static String spread(LagResult result) {
        if (result.summary().isEmpty() || result.summary().get().count() < 2) {
            return "";
        }
        var s = result.summary().get();
        return switch (result.method()) {
            case REGRESSION -> "90% bootstrap interval " + months(s.p5()) + " to " + months(s.p95())
                    + " (" + s.count() + " resamples)";
            case BACKWARD_LAG -> "daily lag from " + months(s.min()) + " to " + months(s.max());
            case DISCRETE_CATCH_UP -> "median " + months(s.median()) + "; the " + s.count() + " catch-ups range "
                    + months(s.min()) + " to " + months(s.max());
            case FIXED_THRESHOLDS, THRESHOLD_GRID -> "median " + months(s.median()) + "; the " + s.count()
                    + " levels range " + months(s.min()) + " to " + months(s.max());
            case HORIZONTAL_DISTANCE -> "median " + months(s.median()) + "; over the score range " + months(s.min())
                    + " to " + months(s.max());
        };
    }
}
