package dev.gapwise.catalog;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One reported score of one model on one benchmark.
 *
 * @param modelId    the model's id in the same catalog
 * @param benchmark  the benchmark's id
 * @param value      the score on the benchmark's {@link Scale} (accuracies as fractions 0..1)
 * @param measuredOn when the score was measured or published, when known
 * @param source     where the number comes from
 * @param version    the exact model version the score was measured on, as the source names it (a chat model's
 *                   score must come from the chat version, never from its base model)
 * @param stderr     the score's standard error as the source states it, when it does
 */
public record BenchmarkScore(String modelId, String benchmark, double value, Optional<LocalDate> measuredOn,
                             String source, String version, OptionalDouble stderr) {
    public BenchmarkScore {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(measuredOn, "measuredOn");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(stderr, "stderr");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("score must be a finite number, got " + value);
        }
    }

    /** A score measured on the model's own id (imported data, where the id is the source's version key). */
    public BenchmarkScore(String modelId, String benchmark, double value, Optional<LocalDate> measuredOn, String source) {
        this(modelId, benchmark, value, measuredOn, source, modelId, OptionalDouble.empty());
    }
}
