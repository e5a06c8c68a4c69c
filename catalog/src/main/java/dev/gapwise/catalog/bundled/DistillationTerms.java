package dev.gapwise.catalog.bundled;

import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.Distillation;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled {@code distillation.csv}: per provider, whether its terms let customers train models on its answers,
 * with the clause and address. Terms are a provider's, so one row covers every deployment of that provider; a
 * deployment row may override them with its own {@code distillation} and {@code distillation_source} columns.
 * A provider without a row is {@link Distillation#UNKNOWN}. Immutable and thread-safe.
 */
public final class DistillationTerms {
    private static final String RESOURCE = "gapwise/catalog/distillation.csv";
    private static final DistillationTerms BUNDLED = read(resource());

    private final Map<String, Distillation> byProvider;

    private DistillationTerms(Map<String, Distillation> byProvider) {
        this.byProvider = Map.copyOf(byProvider);
    }

    /** The terms shipped in the jar. */
    public static DistillationTerms bundled() {
        return BUNDLED;
    }

    /** Reads a table with columns {@code provider}, {@code terms} and {@code source}. */
    public static DistillationTerms read(CsvTable table) {
        table.require(List.of("provider", "terms", "source"));
        Map<String, Distillation> terms = new LinkedHashMap<>();
        for (CsvRow row : table.rows()) {
            String provider = row.requiredText("provider");
            if (terms.put(provider, parse(row, "terms", "source")) != null) {
                throw row.error("column 'provider' repeats '" + provider + "'");
            }
        }
        return new DistillationTerms(terms);
    }

    /** The terms of a provider, {@link Distillation#UNKNOWN} when none are recorded. */
    public Distillation of(String provider) {
        return byProvider.getOrDefault(provider, Distillation.UNKNOWN);
    }

    /** A deployment row's own terms when it has the columns, else its provider's. */
    Distillation forRow(CsvRow row, String provider) {
        if (row.textIfPresent("distillation").filter(text -> !text.isBlank()).isPresent()) {
            return parse(row, "distillation", "distillation_source");
        }
        return of(provider);
    }

    private static Distillation parse(CsvRow row, String termsColumn, String sourceColumn) {
        String text = row.requiredText(termsColumn);
        Distillation.Terms terms = Distillation.Terms.parse(text).orElseThrow(() -> row.error(termsColumn,
                "'" + text + "' must be one of allowed, disallowed, unknown"));
        String source = row.textIfPresent(sourceColumn).orElse("").strip();
        if (terms != Distillation.Terms.UNKNOWN && source.isEmpty()) {
            throw row.error(sourceColumn, "is empty; name the terms (address and clause) that say " + terms.id());
        }
        return new Distillation(terms, source.isEmpty() ? "not checked" : source);
    }

    private static CsvTable resource() {
        try (InputStream in = DistillationTerms.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DataFileException(RESOURCE, 0, "bundled resource missing from the jar (a broken build?)");
            }
            return CsvTable.read("bundled " + RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
