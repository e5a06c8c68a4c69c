package dev.gapwise.gap.analysis;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.method.Method;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What to analyse.
 *
 * @param benchmark   benchmark or index id (or a common name, resolved by the catalog)
 * @param source      name of the dataset to take it from; empty for the newest dataset that scores it
 * @param comparisons group pairs
 * @param methods     lag methods to run
 * @param tolerance   catch-up tolerance on the comparison scale; empty for the scale's default
 * @param from        start of the window for the day-by-day method and the trend; empty for all data
 * @param to          end of that window; empty for the data snapshot's date
 * @param levels      threshold levels for methods (b) and (f); empty for defaults
 */
public record GapRequest(String benchmark, Optional<String> source, List<Comparison> comparisons, List<Method> methods,
                         OptionalDouble tolerance, Optional<LocalDate> from, Optional<LocalDate> to,
                         List<Double> levels) {

    public GapRequest {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(source, "source");
        comparisons = List.copyOf(comparisons);
        methods = List.copyOf(methods);
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        levels = List.copyOf(levels);
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("at least one group pair is needed");
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("at least one method is needed");
        }
    }

    /** The default report: ECI, open vs closed and China vs US, every method. */
    public static GapRequest defaults() {
        return new GapRequest("eci", Optional.empty(), List.of(Comparison.OPEN_VS_CLOSED, Comparison.CHINA_VS_US),
                List.of(Method.values()), OptionalDouble.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
