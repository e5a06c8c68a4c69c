package dev.gapwise.gap.report;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.Scale;
import dev.gapwise.gap.method.LagResult;

import java.util.Locale;
import java.util.OptionalDouble;

/** Number formatting shared by the writers: one decimal for months, the benchmark's natural units for scores. */
final class Format {
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

    /** "median 5.2, 5–95 %: 1.0–14.0" for a result with a distribution. */
    static String spread(LagResult result) {
        return result.summary().map(s -> s.count() > 1
                ? "median " + months(s.median()) + ", range " + months(s.min()) + " to " + months(s.max())
                : "").orElse("");
    }
}
