package dev.gapwise.catalog.csv;

import dev.gapwise.catalog.DataFileException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * One row of a {@link CsvTable}, with typed getters whose errors name the file, line, column and value.
 * Blank cells read as "absent" through the {@code optional…} getters. Immutable.
 */
public final class CsvRow {
    private static final Pattern ISO_DATE_PREFIX = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([ T].*)?");
    private static final Pattern SLASH_DATE = Pattern.compile("\\d{4}/\\d{1,2}/\\d{1,2}");

    private static final java.util.Set<String> MISSING = java.util.Set.of("-", "\u2013", "\u2014", "n/a", "na", "null",
            "none");

    private final CsvTable table;
    private final long line;
    private final String[] fields;

    CsvRow(CsvTable table, long line, String[] fields) {
        this.table = table;
        this.line = line;
        this.fields = fields;
    }

    /** The 1-based line this row starts on. */
    public long line() {
        return line;
    }

    /** The stripped text of a column; empty string for a blank cell. */
    public String text(String column) {
        return fields[table.indexOf(column)].strip();
    }

    /** The file this row belongs to, for messages and provenance. */
    public String tableName() {
        return table.name();
    }

    /** The stripped text of a column that may be absent from the header; empty when absent or blank. */
    public Optional<String> textIfPresent(String column) {
        return table.hasColumn(column) ? optionalText(column) : Optional.empty();
    }

    /** A number from a column that may be absent from the header; null when absent or blank. */
    public Double numberOrNull(String column) {
        if (!table.hasColumn(column)) {
            return null;
        }
        OptionalDouble value = optionalNumber(column);
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /** The stripped text, or empty when blank. */
    public Optional<String> optionalText(String column) {
        String value = text(column);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The text of a column that must not be blank. */
    public String requiredText(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            throw error(column, "is empty but required");
        }
        return value;
    }

    /** A required date: ISO {@code 2024-07-23} (a time after it is ignored) or {@code 2024/7/23}. */
    public LocalDate date(String column) {
        return optionalDate(column).orElseThrow(() -> error(column, "is empty but a date is required"));
    }

    /** An optional date in the formats of {@link #date(String)}. */
    public Optional<LocalDate> optionalDate(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (ISO_DATE_PREFIX.matcher(value).matches()) {
                return Optional.of(LocalDate.parse(value.substring(0, 10)));
            }
            if (SLASH_DATE.matcher(value).matches()) {
                String[] parts = value.split("/");
                return Optional.of(LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2])));
            }
        } catch (java.time.DateTimeException e) {
            throw error(column, "'" + value + "' is not a valid date (" + e.getMessage() + ")");
        }
        throw error(column, "'" + value + "' is not a date; expected YYYY-MM-DD");
    }

    /** A required number; thousands separators ("176,000,000,000") are accepted. */
    public double number(String column) {
        OptionalDouble value = optionalNumber(column);
        if (value.isEmpty()) {
            throw error(column, "is empty but a number is required");
        }
        return value.getAsDouble();
    }

    /**
     * An optional number; thousands separators are accepted, NaN and infinities are not. Cells that say
     * "no value" in the ways public tables do ("-", "—", "N/A", "NA", "null", "none") count as blank.
     */
    public OptionalDouble optionalNumber(String column) {
        String value = text(column);
        if (value.isEmpty() || MISSING.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            return OptionalDouble.empty();
        }
        try {
            double parsed = Double.parseDouble(value.replace(",", ""));
            if (!Double.isFinite(parsed)) {
                throw error(column, "'" + value + "' is not a finite number");
            }
            return OptionalDouble.of(parsed);
        } catch (NumberFormatException e) {
            throw error(column, "'" + value + "' is not a number");
        }
    }

    /** A required exact decimal (for money). */
    public BigDecimal decimal(String column) {
        String value = requiredText(column);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw error(column, "'" + value + "' is not a decimal number");
        }
    }

    /** An error about this row's column, naming file, line and column. */
    public DataFileException error(String column, String problem) {
        return new DataFileException(table.name(), line, "column '" + column + "' " + problem);
    }

    /** An error about this row as a whole. */
    public DataFileException error(String problem) {
        return new DataFileException(table.name(), line, problem);
    }
}
