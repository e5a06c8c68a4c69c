package dev.gapwise.gap.family;

import dev.gapwise.catalog.TaskFamily;
import dev.gapwise.gap.Comparison;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lag by task family for several group pairs.
 *
 * @param comparisons the group pairs, in column order
 * @param rows        one row per family, in catalog order
 * @param settings    the thresholds that decide "not enough data"
 * @param newestScore the newest score date behind any counted benchmark
 */
public record FamilyReport(List<Comparison> comparisons, List<Row> rows, FamilyAnalysis.Settings settings,
                           Optional<LocalDate> newestScore) {
    public FamilyReport {
        comparisons = List.copyOf(comparisons);
        rows = List.copyOf(rows);
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * One family.
     *
     * @param family  the family
     * @param missing its benchmarks that no dataset scores
     * @param cells   one cell per group pair, in the order of {@link #comparisons()}
     */
    public record Row(TaskFamily family, List<String> missing, List<FamilyCell> cells) {
        public Row {
            missing = List.copyOf(missing);
            cells = List.copyOf(cells);
        }
    }
}
