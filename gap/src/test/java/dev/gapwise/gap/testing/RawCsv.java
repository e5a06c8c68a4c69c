package dev.gapwise.gap.testing;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared data's CSV files read straight with FastCSV, for golden tests that compute their expected numbers
 * without the project's readers. Each helper does the least a hand computation would.
 */
public final class RawCsv {
    private RawCsv() {
    }

    /** Every row of a file under the shared gap folder, as column → text. */
    public static List<Map<String, String>> rows(String relative) {
        Path file = SharedData.root().resolve("gap").resolve(relative);
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            for (NamedCsvRecord record : csv) {
                rows.add(record.getFieldsAsMap());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** One model version's best score on a hub benchmark file, with its release date. */
    public record Scored(String version, LocalDate date, double score) {
    }

    /** The best score per version of a hub benchmark file, rows without a score or date left out. */
    public static List<Scored> best(String relative, String column, double divisor) {
        Map<String, Scored> best = new HashMap<>();
        for (Map<String, String> row : rows(relative)) {
            String text = row.getOrDefault(column, "").strip();
            String date = row.getOrDefault("Release date", "").strip();
            if (text.isEmpty() || date.isEmpty()) {
                continue;
            }
            Scored scored = new Scored(row.get("Model version"), LocalDate.parse(date), Double.parseDouble(text) / divisor);
            best.merge(scored.version(), scored, (a, b) -> b.score() > a.score() ? b : a);
        }
        return List.copyOf(best.values());
    }

    /** Model accessibility per version, from the hub's ECI file ("open", "closed" or "unknown"). */
    public static Map<String, String> access() {
        Map<String, String> access = new HashMap<>();
        for (Map<String, String> row : rows("epoch_benchmarking_hub_2026-04/epoch_capabilities_index.csv")) {
            String text = row.get("Model accessibility").strip().toLowerCase(java.util.Locale.ROOT);
            access.put(row.get("Model version"), text.startsWith("open weights") ? "open"
                    : text.equals("api access") || text.startsWith("hosted access") || text.equals("unreleased")
                    ? "closed" : "unknown");
        }
        return access;
    }

    /** Days from {@code from} to {@code to} in months (days / 365 × 12). */
    public static double months(LocalDate from, LocalDate to) {
        return java.time.temporal.ChronoUnit.DAYS.between(from, to) / 365.0 * 12.0;
    }
}
