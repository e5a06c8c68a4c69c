package dev.gapwise.gap.reproduce;

import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One published figure, as a reference file describes it.
 *
 * @param id            the figure's id
 * @param source        who published it
 * @param published     publication date
 * @param metric        "time lag", "score gap", "growth rate"
 * @param comparison    the groups in words ("top closed-weight vs top open-weight")
 * @param benchmark     benchmark or index in words
 * @param asOf          the date or period the figure describes, in words ("2025-02", "end of 2023")
 * @param value         the published value as printed ("13 (mean); 15 (median)")
 * @param unit          its unit in words
 * @param method        the method summary
 * @param reproducible  what the reference says the delivered data can do ("yes", "approx", "partial", "no"…)
 * @param line          line in the reference file
 */
public record ReferenceFigure(String id, String source, LocalDate published, String metric, String comparison,
                              String benchmark, String asOf, String value, String unit, String method,
                              String reproducible, long line) {

    private static final List<String> COLUMNS = List.of("id", "source", "published", "metric", "comparison",
            "benchmark_or_index", "as_of", "value", "unit", "method_summary");

    /** Reads a reference file; a missing column or bad date names the file and line. */
    public static List<ReferenceFigure> read(Path file) {
        CsvTable table = CsvTable.read(file).require(COLUMNS);
        return table.rows().stream().map(ReferenceFigure::of).toList();
    }

    private static ReferenceFigure of(CsvRow row) {
        return new ReferenceFigure(row.requiredText("id"), row.text("source"), row.date("published"),
                row.requiredText("metric"), row.text("comparison"), row.text("benchmark_or_index"), row.text("as_of"),
                row.requiredText("value"), row.text("unit"), row.text("method_summary"),
                row.textIfPresent("reproducible_with_delivered_data").orElse(""), row.line());
    }

    /** What the reference file expects: exact, approximate, or not reproducible (partial / no / unknown). */
    public Expectation expectation() {
        String text = reproducible.toLowerCase(Locale.ROOT);
        if (text.startsWith("yes") || text.startsWith("data yes")) {
            return Expectation.EXACT;
        }
        if (text.startsWith("approx")) {
            return Expectation.APPROXIMATE;
        }
        return Expectation.INFORMATIVE;
    }

    /** What a reference row claims about reproducibility. */
    public enum Expectation {
        EXACT, APPROXIMATE, INFORMATIVE
    }

    /** Lower-case words of the given fields, for keyword matching. */
    String words(String... fields) {
        return String.join(" ", fields).toLowerCase(Locale.ROOT);
    }
}
