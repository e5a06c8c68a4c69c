package dev.gapwise.gap.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.gapwise.gap.reproduce.Reproduction;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes reproductions (published vs recomputed) as a table, Markdown, CSV or JSON. */
public final class ReproductionReport {
    private ReproductionReport() {
    }

    /** Counts by status, e.g. "11 exact, 2 within tolerance, 5 different, 24 not computable". */
    public static String tally(List<Reproduction> reproductions) {
        Map<Reproduction.Status, Integer> counts = new EnumMap<>(Reproduction.Status.class);
        reproductions.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, count) -> parts.add(count + " " + status.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ')));
        return String.join(", ", parts);
    }

    public static String table(List<Reproduction> reproductions) {
        TextTable table = new TextTable("id", "published", "recomputed", "status", "method", "data");
        for (Reproduction r : reproductions) {
            table.row(r.figure().id(), shorten(r.figure().value(), 34), r.recomputed().isEmpty() ? "—" : r.recomputed(),
                    status(r), shorten(r.method(), 70), shorten(r.snapshot(), 60));
        }
        StringBuilder out = new StringBuilder(table.render(""));
        out.append("\n").append(tally(reproductions)).append("\n\nNotes:\n");
        for (Reproduction r : reproductions) {
            List<String> lines = new ArrayList<>(r.notes());
            if (!r.tolerance().isEmpty()) {
                lines.addFirst("tolerance: " + r.tolerance());
            }
            if (!r.compared().isEmpty() && r.compared().size() > 1) {
                lines.addFirst("compared: " + String.join(", ", r.compared()));
            }
            lines.forEach(line -> out.append("  ").append(r.figure().id()).append(": ").append(line).append('\n'));
        }
        return out.toString();
    }

    public static String markdown(List<Reproduction> reproductions) {
        StringBuilder out = new StringBuilder();
        out.append("| id | figure | published | recomputed | status | method | data | notes |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Reproduction r : reproductions) {
            List<String> notes = new ArrayList<>(r.notes());
            if (!r.tolerance().isEmpty()) {
                notes.addFirst("tolerance: " + r.tolerance());
            }
            out.append("| ").append(r.figure().id())
                    .append(" | ").append(cell(r.figure().metric() + ", " + r.figure().comparison() + ", "
                            + r.figure().benchmark() + ", " + r.figure().asOf()))
                    .append(" | ").append(cell(r.figure().value() + " " + r.figure().unit()))
                    .append(" | ").append(cell(r.recomputed().isEmpty() ? "—" : r.recomputed()))
                    .append(" | ").append(status(r))
                    .append(" | ").append(cell(r.method()))
                    .append(" | ").append(cell(r.snapshot()))
                    .append(" | ").append(cell(String.join("; ", notes))).append(" |\n");
        }
        return out.toString();
    }

    public static String csv(List<Reproduction> reproductions) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(text)) {
            csv.writeRecord("id", "published", "unit", "recomputed", "status", "compared", "method", "data", "tolerance",
                    "notes");
            for (Reproduction r : reproductions) {
                csv.writeRecord(r.figure().id(), r.figure().value(), r.figure().unit(), r.recomputed(), status(r),
                        String.join(" ", r.compared()), r.method(), r.snapshot(), r.tolerance(), String.join("; ", r.notes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static String json(List<Reproduction> reproductions) {
        List<Object> rows = new ArrayList<>();
        for (Reproduction r : reproductions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.figure().id());
            row.put("source", r.figure().source());
            row.put("metric", r.figure().metric());
            row.put("comparison", r.figure().comparison());
            row.put("benchmark", r.figure().benchmark());
            row.put("as_of", r.figure().asOf());
            row.put("published", r.figure().value());
            row.put("unit", r.figure().unit());
            row.put("recomputed", r.recomputed());
            row.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            row.put("compared", r.compared());
            row.put("method", r.method());
            row.put("data", r.snapshot());
            row.put("tolerance", r.tolerance());
            row.put("notes", r.notes());
            rows.add(row);
        }
        return GapReportJson.MAPPER.writeValueAsString(Map.of("tally", tally(reproductions), "figures", rows));
    }

    private static String status(Reproduction r) {
        return r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
