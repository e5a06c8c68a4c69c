package dev.gapwise.catalog;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One reported score of one model on one benchmark.
 *
 * @param modelId    the model's id in the same catalog
 * @param benchmark  the benchmark's id
 * @param value      the score on the benchmark's {@link Scale} (accuracies as fractions 0..1)
 * @param measuredOn when the score was measured or published, when known
 * @param source     where the number comes from
 */
public record BenchmarkScore(String modelId, String benchmark, double value, Optional<LocalDate> measuredOn,
                             String source) {
    public BenchmarkScore {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(measuredOn, "measuredOn");
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("score must be a finite number, got " + value);
        }
    }
}
