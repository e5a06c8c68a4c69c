package dev.gapwise.catalog.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.gapwise.catalog.DataFileException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole CSV file in memory: its header and its rows, each row remembering the line it starts on
 * (fields may hold quoted newlines, so row numbers and line numbers differ).
 *
 * <p>Reading is strict: bytes that are not UTF-8, unclosed quotes and rows with a different field count
 * than the header are {@link DataFileException}s naming the file and line. Immutable once read.
 */
public final class CsvTable {
    private final String name;
    private final List<String> header;
    private final Map<String, Integer> columnIndex;
    private final List<CsvRow> rows;

    private CsvTable(String name, List<String> header, List<String[]> fields, List<Long> lines) {
        this.name = name;
        this.header = List.copyOf(header);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i), i);
        }
        this.columnIndex = Map.copyOf(index);
        List<CsvRow> built = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            built.add(new CsvRow(this, lines.get(i), fields.get(i)));
        }
        this.rows = List.copyOf(built);
    }

    /** Reads a file; a missing file or bad content is a {@link DataFileException}. */
    public static CsvTable read(Path file) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, 0, "file not found");
        } catch (IOException e) {
            throw new DataFileException(name, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads from a stream (for example a bundled resource) under the given name for messages. */
    public static CsvTable read(String name, InputStream in) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        List<String> header = null;
        List<String[]> fields = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        long lastLine = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(false)
                .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(reader)) {
            for (CsvRecord record : csv) {
                lastLine = record.getStartingLineNumber();
                if (header == null) {
                    header = stripBom(record.getFields());
                    continue;
                }
                if (record.getFieldCount() == 1 && record.getField(0).isEmpty()) {
                    continue; // a blank line
                }
                if (record.getFieldCount() != header.size()) {
                    throw new DataFileException(name, record.getStartingLineNumber(),
                            "expected " + header.size() + " fields as in the header, found " + record.getFieldCount()
                                    + " (an unquoted comma or a missing quote?)");
                }
                fields.add(record.getFields().toArray(String[]::new));
                lines.add(record.getStartingLineNumber());
            }
        } catch (CsvParseException e) {
            throw new DataFileException(name, lastLine + 1, "malformed CSV: " + rootMessage(e), e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new DataFileException(name, lastLine + 1, "is not valid UTF-8 text", e);
            }
            throw new DataFileException(name, 0, "cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataFileException(name, 0, "cannot be read: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new DataFileException(name, 0, "is empty: expected a header row");
        }
        return new CsvTable(name, header, fields, lines);
    }

    private static List<String> stripBom(List<String> header) {
        List<String> copy = new ArrayList<>(header.size());
        for (String column : header) {
            copy.add(column.replace("\uFEFF", "").strip());
        }
        return copy;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Fails naming every required column the header lacks. */
    public CsvTable require(Collection<String> columns) {
        List<String> missing = columns.stream().filter(c -> !columnIndex.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new DataFileException(name, 1, "missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing.stream().map(c -> "'" + c + "'").toList())
                    + "; the header has: " + String.join(", ", header));
        }
        return this;
    }

    /** Same as {@link #require(Collection)}. */
    public CsvTable require(String... columns) {
        return require(List.of(columns));
    }

    public String name() {
        return name;
    }

    public List<String> header() {
        return header;
    }

    public boolean hasColumn(String column) {
        return columnIndex.containsKey(column);
    }

    public List<CsvRow> rows() {
        return rows;
    }

    int indexOf(String column) {
        Integer index = columnIndex.get(column);
        if (index == null) {
            throw new DataFileException(name, 1, "missing column '" + column + "'; the header has: "
                    + String.join(", ", header));
        }
        return index;
    }
}
