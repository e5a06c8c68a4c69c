package dev.gapwise.gap.family;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.TaskFamilies;
import dev.gapwise.catalog.TaskFamily;
import dev.gapwise.gap.FrontierAge;
import dev.gapwise.gap.stats.Summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How many months behind the frontier each model is on each task family: for every benchmark of the family that
 * the dataset scores, the model's {@link FrontierAge} (months from the day the all-models frontier first reached its
 * score to the date the scores describe); the family's value is the median over the benchmarks the model has a
 * score on. This is what a routing policy caps per task ("coding: at most 3 months behind"); routing asks it
 * through its lag lookup with an index such as {@code family:coding}. Immutable and thread-safe.
 */
public final class FamilyAges {
    /** The prefix that turns a family id into a lag index name: {@code family:coding}. */
    public static final String INDEX_PREFIX = "family:";

    private final Map<String, Map<String, Age>> agesByFamily;

    private FamilyAges(Map<String, Map<String, Age>> agesByFamily) {
        this.agesByFamily = Map.copyOf(agesByFamily);
    }

    /**
     * One model's lag on one family.
     *
     * @param months     median months behind over {@code benchmarks}
     * @param family     the family id
     * @param benchmarks the benchmarks the model has a score on, each with its own months behind
     * @param asOf       the newest date the benchmarks' scores describe
     * @param snapshot   the data snapshot
     */
    public record Age(double months, String family, Map<String, Double> benchmarks, LocalDate asOf, String snapshot) {
        public Age {
            Objects.requireNonNull(family, "family");
            benchmarks = Map.copyOf(benchmarks);
        }

        /** One line naming the method, for routing reasons. */
        public String method() {
            return "median over " + benchmarks.size() + " " + family + " benchmark" + (benchmarks.size() == 1 ? "" : "s")
                    + " " + benchmarks.keySet().stream().sorted().toList()
                    + " of months since the all-models frontier first reached the model's score";
        }
    }

    /** The ages of every scored model of {@code dataset} on every family. */
    public static FamilyAges of(Dataset dataset, TaskFamilies families) {
        Map<String, Map<String, Age>> ages = new HashMap<>();
        for (TaskFamily family : families.families()) {
            Map<String, Map<String, Double>> byModel = new HashMap<>();
            LocalDate asOf = LocalDate.MIN;
            for (String benchmark : family.benchmarks()) {
                Optional<FrontierAge> age = FrontierAge.of(dataset, benchmark);
                if (age.isEmpty()) {
                    continue;
                }
                asOf = age.get().asOf().isAfter(asOf) ? age.get().asOf() : asOf;
                for (var model : dataset.models()) {
                    OptionalDouble months = age.get().monthsBehind(model.id());
                    if (months.isPresent()) {
                        byModel.computeIfAbsent(model.id(), k -> new HashMap<>()).put(benchmark, months.getAsDouble());
                    }
                }
            }
            Map<String, Age> familyAges = new HashMap<>();
            LocalDate date = asOf;
            byModel.forEach((model, months) -> familyAges.put(model, new Age(
                    Summary.percentile(new ArrayList<>(months.values()), 0.5), family.id(), months, date,
                    dataset.snapshot().label())));
            ages.put(family.id(), Map.copyOf(familyAges));
        }
        return new FamilyAges(ages);
    }

    /** The lag of a model on a family (by id), or empty when it has no score on any of the family's benchmarks. */
    public Optional<Age> age(String modelId, String family) {
        return Optional.ofNullable(agesByFamily.getOrDefault(family, Map.of()).get(modelId));
    }

    /** The family of a lag index name such as {@code family:coding}, if it is one. */
    public static Optional<String> familyOf(String index) {
        return index.startsWith(INDEX_PREFIX) ? Optional.of(index.substring(INDEX_PREFIX.length())) : Optional.empty();
    }

    /** The families that have at least one scored model. */
    public List<String> families() {
        return agesByFamily.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted()
                .toList();
    }
}
