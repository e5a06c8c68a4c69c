package dev.gapwise.routing;

import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.gap.FrontierAge;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model lags computed by the gap module from the catalog: for an index such as {@code eci}, the months from
 * the day the frontier of all models first reached a model's score to the date the scores describe
 * ({@link FrontierAge}). Ages are computed once per index on first use. Immutable in effect and
 * thread-safe.
 */
public final class FrontierLags implements ModelLags {
    /** The short name of the lag definition, as decisions cite it. */
    public static final String METHOD = "frontier age: months since the all-models frontier first reached the model's score";

    private final Dataset dataset;
    private final Map<String, Optional<FrontierAge>> ages = new ConcurrentHashMap<>();

    private FrontierLags(Dataset dataset) {
        this.dataset = dataset;
    }

    /** Lags on the dataset the catalog's deployments refer to (the first one: the bundled or given catalog). */
    public static FrontierLags of(Catalog catalog) {
        if (catalog.datasets().isEmpty()) {
            throw new IllegalArgumentException("the catalog has no dataset to compute lags from");
        }
        return new FrontierLags(catalog.datasets().getFirst());
    }

    @Override
    public Optional<Lag> lag(String modelId, String index) {
        Optional<FrontierAge> age = ages.computeIfAbsent(index, i -> FrontierAge.of(dataset, Benchmarks.resolveId(i)));
        if (age.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble months = age.get().monthsBehind(modelId);
        if (months.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Lag(months.getAsDouble(), index, METHOD,
                age.get().snapshot() + ", scores as of " + age.get().asOf()));
    }

    /** Explicit lags first (command line, tests), these computed ones for every other model. */
    public ModelLags overriddenBy(ModelLags explicit) {
        return (modelId, index) -> explicit.lag(modelId, index).or(() -> lag(modelId, index));
    }
}
