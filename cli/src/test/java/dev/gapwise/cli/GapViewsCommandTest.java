package dev.gapwise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gap families}, {@code gap matrix} and the model, rank and pooled comparisons of {@code gap}. */
class GapViewsCommandTest {
    @TempDir
    Path dir;

    @Test
    void familiesOnTheSharedDataGiveATableWithCountsAndAHeatMap() throws IOException {
        CommandResult result = CommandResult.run("gap", "families", "--data", CommandResult.sharedData("gap"),
                "-g", "open-vs-closed", "--charts", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Lag by task family").contains("Coding").contains("Multimodal and vision")
                .contains("not enough data").contains("benchmarks").contains("newest score 2026-04-16");
        assertThat(Files.readString(dir.resolve("families-heatmap.svg"))).contains("<svg").contains("Coding");
        assertThat(Files.readAllBytes(dir.resolve("families-heatmap.png"))).startsWith((byte) 0x89, (byte) 'P');
    }

    @Test
    void familiesAsJsonSayWhichCellsHaveNotEnoughData() {
        CommandResult result = CommandResult.run("gap", "families", "--format", "json", "-g", "china-vs-us");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(result.out());
        assertThat(root.get("families").size()).isGreaterThanOrEqualTo(8);
        JsonNode vision = root.get("families").valueStream().filter(f -> f.get("id").asString().equals("vision"))
                .findFirst().orElseThrow();
        assertThat(vision.get("cells").get(0).get("supported").asBoolean()).isFalse();
        assertThat(vision.get("cells").get(0).get("not_enough_data").asString()).startsWith("not enough data");
    }

    @Test
    void aFamilyWithNoBenchmarkInTheDataIsOneLineAndExitCodeTwo() {
        CommandResult result = CommandResult.run("gap", "families", "--family", "vision");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("gapwise: family 'vision' has no benchmark in the data; its benchmarks:")
                .contains("video_mme").hasLineCount(1);
        assertThat(CommandResult.run("gap", "families", "--family", "cooking").err())
                .startsWith("gapwise: unknown family 'cooking'; families: coding, math").hasLineCount(1);
    }

    @Test
    void theMatrixPutsTheFourQuadrantsAgainstTheOverallFrontierAndEachOther() {
        CommandResult result = CommandResult.run("gap", "matrix", "--charts", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Behind the overall Epoch Capabilities Index frontier as of")
                .contains("US closed", "US open", "China closed", "China open").contains("By half-year");
        assertThat(dir.resolve("eci-matrix.png")).exists();
    }

    @Test
    void twoNamedModelsAreComparedOnABenchmark() {
        CommandResult result = CommandResult.run("gap", "-b", "mmlu", "--model", "Llama 3.1 405B Instruct",
                "--vs", "GPT-4 (0314)");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Llama 3.1 405B Instruct has not reached GPT-4 (0314)'s MMLU score")
                .contains("Measured on: gpt-4-0314 and Llama-3.1-405B-Instruct");
    }

    @Test
    void anUnknownModelIsOneLineNamingItAndExitCodeTwo() {
        CommandResult result = CommandResult.run("gap", "-b", "mmlu", "--model", "GPT-9", "--vs", "GPT-4 (0314)");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("gapwise: no model named 'GPT-9' in Gapwise catalog (which scores mmlu)")
                .hasLineCount(1);
    }

    @Test
    void aSnapshotWithoutTheRankAskedForIsOneLineAndExitCodeTwo() {
        CommandResult result = CommandResult.run("gap", "--data", CommandResult.sharedData("gap"), "--rank", "30",
                "--date", "2023-06-20");
        assertThat(result.exitCode()).as(result.out()).isEqualTo(2);
        assertThat(result.err().lines().filter(l -> !l.contains("not used under")).toList()).singleElement()
                .asString().contains("rates only").contains("rank 30 was asked");
    }

    @Test
    void aRankNeedsALeaderboard() {
        CommandResult result = CommandResult.run("gap", "--rank", "10");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("gapwise: no leaderboard 'arena_text' in the data").hasLineCount(1);
    }

    @Test
    void oneMethodPooledOverSeveralBenchmarks() {
        CommandResult result = CommandResult.run("gap", "-b", "gpqa_diamond,math_level_5,mmlu", "-m", "a",
                "-g", "open-vs-closed", "--pool", "median");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("open weights trails closed by").contains("median of")
                .contains("(a) discrete catch-up").contains("gpqa_diamond", "math_level_5", "mmlu");
        assertThat(CommandResult.run("gap", "-b", "gpqa_diamond,mmlu", "--pool", "mode").err())
                .contains("--pool must be mean, median, p5 or p95");
        assertThat(CommandResult.run("gap", "-b", "gpqa_diamond,mmlu").err())
                .contains("pooling runs one method: add -m");
    }

    @Test
    void theDiffOfTwoEciSnapshotsSplitsEachChangeIntoRefitAndNewModels() {
        CommandResult result = CommandResult.run("gap", "diff", "--old",
                CommandResult.sharedData("gap/epoch_eci_snapshot_2026-01-20.csv"), "--new",
                CommandResult.sharedData("gap/epoch_benchmarking_hub_2026-04"), "-m", "d", "-g", "china-vs-us");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("epoch_eci_snapshot_2026-01-20 (2025-12-17) → epoch_benchmarking_hub_2026-04")
                .contains("from refit", "from new models").contains("models scored only in the new snapshot")
                .contains("models re-scored");
    }
}
