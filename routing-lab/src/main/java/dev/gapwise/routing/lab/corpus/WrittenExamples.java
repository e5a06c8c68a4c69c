package dev.gapwise.routing.lab.corpus;

import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;
import dev.gapwise.routing.Complexity;
import dev.gapwise.routing.lab.data.Split;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The labelled requests written for this project (resources {@code gapwise/lab/written/*.csv}) where the public
 * data is thin: layperson legal questions, personal-finance decisions, first-person medical questions, and routine
 * business work full of medical, legal and financial words. Columns {@code id,text,stakes,domain,task,complexity,
 * context}; origin "written here", so they may train the shipped models. Split by the hash of the text key like
 * every trainable row: their test side is held out. Stateless.
 */
public final class WrittenExamples {
    /** The files, by their resource names. */
    public static final List<String> FILES = List.of("medical.csv", "legal.csv", "financial.csv", "general.csv",
            "financial-2.csv", "everyday.csv", "legal-medical-2.csv");

    private WrittenExamples() {
    }

    /** Every written row. */
    public static List<CorpusRow> read() {
        List<CorpusRow> rows = new ArrayList<>();
        for (String file : FILES) {
            rows.addAll(read(file));
        }
        return rows;
    }

    static List<CorpusRow> read(String file) {
        String path = "gapwise/lab/written/" + file;
        try (InputStream in = WrittenExamples.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("written examples " + path + " are missing (a broken build?)");
            }
            CsvTable table = CsvTable.read(path, in).require("id", "text", "stakes", "domain", "task", "complexity",
                    "context");
            List<CorpusRow> rows = new ArrayList<>();
            for (CsvRow row : table.rows()) {
                rows.add(parse(path, row));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CorpusRow parse(String path, CsvRow row) {
        String text = row.requiredText("text");
        try {
            Stakes stakes = switch (row.requiredText("stakes")) {
                case "high" -> Stakes.HIGH;
                case "routine" -> Stakes.ROUTINE;
                default -> throw new IllegalArgumentException("stakes must be high or routine, got '"
                        + row.text("stakes") + "'");
            };
            Complexity complexity = Complexity.parse(row.requiredText("complexity")).orElseThrow(
                    () -> new IllegalArgumentException("complexity must be low, medium or high, got '"
                            + row.text("complexity") + "'"));
            return new CorpusRow("written." + row.requiredText("id"), text, row.text("context"), "written",
                    file(path), Use.TRAIN, stakes, Domain.parse(row.requiredText("domain")),
                    Task.parse(row.requiredText("task")), Optional.of(complexity), OptionalDouble.empty(),
                    Split.of("text:" + TextKey.of(text)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(path + " line " + row.line() + ": " + e.getMessage(), e);
        }
    }

    private static String file(String path) {
        return path.substring(path.lastIndexOf('/') + 1, path.length() - ".csv".length());
    }
}
