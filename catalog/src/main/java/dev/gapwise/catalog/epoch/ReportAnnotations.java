package dev.gapwise.catalog.epoch;

import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-transcribed corrections that Epoch's 2024 open-models report applies to its inputs: compute
 * estimates it substitutes for the listed ones ("speculative" values, imputed from benchmarks or a rough
 * guess, mostly for systems listed without an estimate) and systems it drops as separate fine-tunes.
 * Readers substitute the compute values (keeping the listed one as an attribute) and mark excluded models
 * with {@code excluded=fine-tune} rather than dropping them, so every analysis decides for itself and says
 * so. Immutable.
 *
 * @param speculativeComputeFlop compute in FLOP by system name
 * @param excludedFinetunes      system names the report drops as fine-tunes
 */
public record ReportAnnotations(Map<String, Double> speculativeComputeFlop, Set<String> excludedFinetunes) {
    /** The attribute naming a model's compute basis. */
    public static final String COMPUTE_BASIS = "compute_basis";
    /** The attribute marking a model the report excludes. */
    public static final String EXCLUDED = "excluded";

    public ReportAnnotations {
        speculativeComputeFlop = Map.copyOf(speculativeComputeFlop);
        excludedFinetunes = Set.copyOf(excludedFinetunes);
    }

    public static ReportAnnotations none() {
        return new ReportAnnotations(Map.of(), Set.of());
    }

    /** Reads either or both tables. */
    public static ReportAnnotations read(Optional<CsvTable> speculative, Optional<CsvTable> excluded) {
        Map<String, Double> compute = new LinkedHashMap<>();
        speculative.ifPresent(table -> {
            table.require("System", "training_compute_flop");
            for (CsvRow row : table.rows()) {
                String system = row.requiredText("System");
                double flop = row.number("training_compute_flop");
                if (flop <= 0) {
                    throw row.error("training_compute_flop", flop + " is not a positive FLOP count");
                }
                if (compute.put(system, flop) != null) {
                    throw row.error("System", "'" + system + "' is listed twice");
                }
            }
        });
        Set<String> names = new LinkedHashSet<>();
        excluded.ifPresent(table -> {
            table.require("System");
            for (CsvRow row : table.rows()) {
                names.add(row.requiredText("System"));
            }
        });
        return new ReportAnnotations(compute, names);
    }

    public boolean isEmpty() {
        return speculativeComputeFlop.isEmpty() && excludedFinetunes.isEmpty();
    }
}
