package dev.gapwise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReproduceCommandTest {
    @TempDir
    Path dir;

    @Test
    void reproducesTheSharedReferenceFiguresAndExitsZeroWhenAllExactOnesHold() {
        CommandResult result = CommandResult.run("gap", "reproduce", "--data", CommandResult.sharedData("gap"),
                "--reference", CommandResult.sharedData("gap/reference_numbers.csv"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("EPO24-09").contains("15 / 15.4 / 15.6 / 11.6 / 19.8").contains("exact")
                .contains("AII25-07: no dataset in the data scores 'MMMU'");
    }

    @Test
    void aReferenceFigureThatDoesNotHoldMakesTheCommandFail() throws IOException {
        Path reference = dir.resolve("ref.csv");
        Files.writeString(reference, "id,source,published,metric,comparison,benchmark_or_index,as_of,value,unit,"
                + "method_summary,evidence,reproducible_with_delivered_data\n"
                + "X-1,Epoch AI report 2024-11,2024-11-04,time lag,open vs closed,MMLU,2024-11,99.9,months (mean),"
                + "discrete catch-up,test,yes (exact)\n");
        CommandResult result = CommandResult.run("gap", "reproduce", "--data", CommandResult.sharedData("gap"),
                "--reference", reference.toString(), "--format", "json");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("\"status\" : \"different\"").contains("\"recomputed\" : \"18.4\"");
    }

    @Test
    void aReferenceFileWithoutItsColumnsIsNamed() throws IOException {
        Path reference = dir.resolve("ref.csv");
        Files.writeString(reference, "id,value\nA,1\n");
        CommandResult result = CommandResult.run("gap", "reproduce", "--reference", reference.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(reference + ":1: missing columns 'source', 'published'");
    }
}
