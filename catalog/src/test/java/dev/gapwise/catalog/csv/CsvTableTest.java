package dev.gapwise.catalog.csv;

import dev.gapwise.catalog.DataFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {
    @TempDir
    Path dir;

    @Test
    void quotedFieldsMayHoldCommasAndNewlinesAndRowsRememberTheirStartingLine() throws IOException {
        Path file = write("a,b\n1,\"x, y\"\n2,\"multi\nline\"\n3,z\n");
        CsvTable table = CsvTable.read(file);
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(0).text("b")).isEqualTo("x, y");
        assertThat(table.rows().get(1).text("b")).isEqualTo("multi\nline");
        assertThat(table.rows().get(2).line()).isEqualTo(5);
    }

    @Test
    void aRowWithTheWrongFieldCountNamesFileAndLine() throws IOException {
        Path file = write("a,b\n1,2\n3,4,5\n");
        assertThatThrownBy(() -> CsvTable.read(file))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(file.toString() + ":3:")
                .hasMessageContaining("expected 2 fields as in the header, found 3");
    }

    @Test
    void aMissingColumnIsNamedWithTheHeaderThatIsThere() throws IOException {
        Path file = write("name,score\nx,1\n");
        assertThatThrownBy(() -> CsvTable.read(file).require("name", "release_date"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(":1:")
                .hasMessageContaining("missing column 'release_date'")
                .hasMessageContaining("the header has: name, score");
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedWithTheFileName() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'a', '\n', (byte) 0xE9, 't', 'e', '\n'});
        assertThatThrownBy(() -> CsvTable.read(file))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("latin1.csv")
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void anEmptyFileSaysItLacksAHeader() throws IOException {
        Path file = write("");
        assertThatThrownBy(() -> CsvTable.read(file)).hasMessageContaining("is empty: expected a header row");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> CsvTable.read(dir.resolve("nope.csv")))
                .isInstanceOf(DataFileException.class).hasMessageContaining("nope.csv: file not found");
    }

    @Test
    void typedGettersNameColumnLineAndValue() {
        CsvTable table = CsvTable.read("t.csv", new ByteArrayInputStream(
                "when,score,price\n2024-13-40,abc,1.x\n".getBytes(StandardCharsets.UTF_8)));
        CsvRow row = table.rows().getFirst();
        assertThatThrownBy(() -> row.date("when")).hasMessageStartingWith("t.csv:2: column 'when' '2024-13-40' is not a valid date");
        assertThatThrownBy(() -> row.number("score")).hasMessage("t.csv:2: column 'score' 'abc' is not a number");
        assertThatThrownBy(() -> row.decimal("price")).hasMessage("t.csv:2: column 'price' '1.x' is not a decimal number");
    }

    @Test
    void publicTablesMarkersForNoValueReadAsBlankNumbers() {
        CsvTable table = CsvTable.read("t.csv", new ByteArrayInputStream(
                "a,b,c\n-,N/A,\"1,234.5\"\n".getBytes(StandardCharsets.UTF_8)));
        CsvRow row = table.rows().getFirst();
        assertThat(row.optionalNumber("a")).isEmpty();
        assertThat(row.optionalNumber("b")).isEmpty();
        assertThat(row.number("c")).isEqualTo(1234.5);
    }

    @Test
    void datesMayCarryATimeOrUseSlashes() {
        CsvTable table = CsvTable.read("t.csv", new ByteArrayInputStream(
                "a,b\n2024-07-23 10:00:00,2023/4/5\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(table.rows().getFirst().date("a")).hasToString("2024-07-23");
        assertThat(table.rows().getFirst().date("b")).hasToString("2023-04-05");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, content);
        return file;
    }
}
