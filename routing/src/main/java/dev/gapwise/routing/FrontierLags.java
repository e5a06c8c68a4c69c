package dev.gapwise.routing;

import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.TaskFamilies;
import dev.gapwise.gap.FrontierAge;
import dev.gapwise.gap.family.FamilyAges;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model lags computed by the gap module from the catalog: for an index such as {@code eci}, the months from
 * the day the frontier of all models first reached a model's score to the date the scores describe
 * ({@link FrontierAge}). An index named {@code family:<id>} (e.g. {@code family:coding}) is a task family of the
 * catalog: the model's median frontier age over the family's benchmarks ({@link FamilyAges}). Ages are computed once
 * per index on first use. Immutable in effect and thread-safe.
 */
public final class FrontierLags implements ModelLags {
    /** The short name of the lag definition, as decisions cite it. */
    public static final String METHOD = "frontier age: months since the all-models frontier first reached the model's score";

    private final Dataset dataset;
    private final TaskFamilies families;
    private final Map<String, Map<String, Lag>> lagsByIndex = new ConcurrentHashMap<>();

    private FrontierLags(Dataset dataset, TaskFamilies families) {
        this.dataset = dataset;
        this.families = families;
    }

    /** Lags on the dataset the catalog's deployments refer to (the first one: the bundled or given catalog). */
    public static FrontierLags of(Catalog catalog) {
        if (catalog.datasets().isEmpty()) {
            throw new IllegalArgumentException("the catalog has no dataset to compute lags from");
        }
        return new FrontierLags(catalog.datasets().getFirst(), catalog.families());
    }

    @Override
    public Optional<Lag> lag(String modelId, String index) {
        return Optional.ofNullable(lagsByIndex.computeIfAbsent(index, this::compute).get(modelId));
    }

    /** Every scored model's lag on one index, built once (routing asks on every request). */
    private Map<String, Lag> compute(String index) {
        Optional<String> family = FamilyAges.familyOf(index);
        if (family.isPresent()) {
            return familyLags(index, family.get());
        }
        Optional<FrontierAge> age = FrontierAge.of(dataset, Benchmarks.resolveId(index));
        if (age.isEmpty()) {
            return Map.of();
        }
        String snapshot = age.get().snapshot() + ", scores as of " + age.get().asOf();
        Map<String, Lag> lags = new HashMap<>();
        for (Model model : dataset.models()) {
            OptionalDouble months = age.get().monthsBehind(model.id());
            if (months.isPresent()) {
                lags.put(model.id(), new Lag(months.getAsDouble(), index, METHOD, snapshot));
            }
        }
        return Map.copyOf(lags);
    }

    private Map<String, Lag> familyLags(String index, String family) {
        if (families.family(family).isEmpty()) {
            return Map.of();
        }
        FamilyAges ages = FamilyAges.of(dataset, families);
        Map<String, Lag> lags = new HashMap<>();
        for (Model model : dataset.models()) {
            ages.age(model.id(), family).ifPresent(age -> lags.put(model.id(), new Lag(age.months(), index,
                    age.method(), age.snapshot() + ", scores as of " + age.asOf())));
        }
        return Map.copyOf(lags);
    }

    /** Explicit lags first (command line, tests), these computed ones for every other model. */
    public ModelLags overriddenBy(ModelLags explicit) {
        return (modelId, index) -> explicit.lag(modelId, index).or(() -> lag(modelId, index));
    }
}
