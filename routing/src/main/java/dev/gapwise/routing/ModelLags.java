package dev.gapwise.routing;

import java.util.Map;
import java.util.Optional;

/**
 * How many months each model trails the frontier on a named index or benchmark, as computed by the {@code gap}
 * module (routing never computes lags itself). Implementations are immutable and thread-safe.
 */
public interface ModelLags {

    /**
     * One model's lag.
     *
     * @param months   months behind the frontier (0 = on the frontier)
     * @param index    the index or benchmark it was computed on, e.g. {@code eci}
     * @param method   the lag method, e.g. "horizontal distance"
     * @param snapshot the data snapshot, e.g. "Epoch AI hub 2025-11-20"
     */
    record Lag(double months, String index, String method, String snapshot) {
    }

    /** The lag of a model on an index, or empty when the gap module has no number for it. */
    Optional<Lag> lag(String modelId, String index);

    /** No lags at all: every max-lag rule then makes models ineligible ("lag unknown"). */
    static ModelLags none() {
        return (modelId, index) -> Optional.empty();
    }

    /** Fixed lags for one index (tests, examples, or a gap report loaded from a file). */
    static ModelLags of(String index, String method, String snapshot, Map<String, Double> monthsByModel) {
        Map<String, Double> copy = Map.copyOf(monthsByModel);
        return (modelId, asked) -> asked.equals(index) && copy.containsKey(modelId)
                ? Optional.of(new Lag(copy.get(modelId), index, method, snapshot)) : Optional.empty();
    }
}
