package dev.gapwise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GapCommandTest {
    @TempDir
    Path dir;

    @Test
    void defaultReportGivesEachMethodForBothGroupPairsWithItsSnapshot() {
        CommandResult result = CommandResult.run("gap");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Gap report: Epoch Capabilities Index (eci)")
                .contains("Data: Gapwise catalog")
                .contains("open weights vs closed", "China vs US")
                .contains("(a) discrete catch-up", "(b) fixed thresholds", "(c) horizontal distance",
                        "(d) day-by-day backward lag", "(e) regression lag", "(f) threshold grid over time")
                .contains("Half-year trend", "Catch-up events, method (a)");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void jsonOutputNamesMethodAndSnapshotForEveryLag() {
        CommandResult result = CommandResult.run("gap", "--format", "json", "--groups", "open-vs-closed");
        assertThat(result.exitCode()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(result.out());
        assertThat(root.get("snapshot").get("name").asString()).isEqualTo("Gapwise catalog");
        JsonNode lags = root.get("sections").get(0).get("lags");
        assertThat(lags).hasSize(6);
        assertThat(lags.get(0).get("method").asString()).isEqualTo("catch-up");
        assertThat(lags.get(0).get("events").size()).isPositive();
    }

    @Test
    void csvOutputHasOneRowPerLagEventAndWindow() {
        CommandResult result = CommandResult.run("gap", "--format", "csv", "-m", "a,d");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().findFirst()).contains(
                "row,comparison,benchmark,snapshot,method,date_from,date_to,leader_model,follower_model,months,statistic,settings,spread");
        assertThat(result.out()).contains("\nlag,open-vs-closed,eci,").contains("\nevent,").contains("\nwindow,");
    }

    @Test
    void customGroupsWorkOnAnyBenchmarkOfImportedData() {
        CommandResult result = CommandResult.run("gap", "--data", CommandResult.sharedData("gap"), "-b", "gpqa_diamond",
                "--leader", "org=OpenAI", "--follower", "org=DeepSeek|Alibaba", "-m", "a,b");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("GPQA Diamond").contains("epoch_benchmarking_hub_2026-04")
                .contains("DeepSeek or Alibaba vs OpenAI").contains("(org=DeepSeek|Alibaba)");
    }

    @Test
    void chartsAreWrittenAsSvgAndPng() throws IOException {
        CommandResult result = CommandResult.run("gap", "-g", "china-vs-us", "--charts", dir.toString());
        assertThat(result.exitCode()).isZero();
        Path svg = dir.resolve("eci-china-vs-us-frontiers.svg");
        assertThat(Files.readString(svg)).contains("<svg").contains("China vs US");
        byte[] png = Files.readAllBytes(dir.resolve("eci-china-vs-us-lag.png"));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void arenaSnapshotGapIsTheAiIndexFormula() {
        CommandResult result = CommandResult.run("gap", "arena", "--data", CommandResult.sharedData("gap"),
                "--date", "2025-02-14", "-g", "china-vs-us", "--rank", "5");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Snapshot 2025-02-14 of lmarena_text_overall_ratings_2023-05_2025-02")
                .contains("Gemini-2.0-Flash-Thinking-Exp-01-21 1384.63 vs DeepSeek-R1 1361.45 = 23.18 points, 1.70%")
                .contains("US top vs #5:");
    }

    @Test
    void anUnknownBenchmarkIsOneClearLineAndExitCodeTwo() {
        CommandResult result = CommandResult.run("gap", "-b", "mmmu");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("gapwise: unknown benchmark 'mmmu'; the data has: ")
                .doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void anEmptyGroupIsNamed() {
        CommandResult result = CommandResult.run("gap", "--leader", "access=closed", "--follower", "country=FR,country=CN");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("group 'FR, CN [country=FR,country=CN]'").contains("has no model with both a score on")
                .hasLineCount(1);
    }

    @Test
    void aBadGroupExpressionSaysHowToWriteOne() {
        CommandResult result = CommandResult.run("gap", "--leader", "vendor=OpenAI", "--follower", "access=open");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown key 'vendor'").contains("use access, country, org, license or attr.NAME");
    }

    @Test
    void aMalformedDataFileNamesFileLineAndProblemWithoutAStackTrace() throws IOException {
        Path file = dir.resolve("hub.csv");
        Files.writeString(file, "Model version,ECI Score,Release date,Organization,Country,Model accessibility\n"
                + "m1,130,2024-01-01,Org,China,Open weights (unrestricted)\n"
                + "m2,140,January 2024,Org,United States of America,API access\n");
        CommandResult result = CommandResult.run("gap", "--data", file.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("gapwise: " + file + ":3: column 'Release date' 'January 2024' is not a date;"
                + " expected YYYY-MM-DD" + System.lineSeparator());
    }

    @Test
    void badOptionValuesAreNamed() {
        assertThat(CommandResult.run("gap", "--from", "2024-13-01").err()).contains("--from '2024-13-01' is not a date");
        assertThat(CommandResult.run("gap", "-m", "z").err()).contains("unknown method 'z'");
        assertThat(CommandResult.run("gap", "--format", "xml").err()).contains("--format must be table, csv or json");
        assertThat(CommandResult.run("gap", "--source", "nope").err()).contains("no data source named 'nope'");
        assertThat(CommandResult.run("gap", "--tolerance", "-1").err()).contains("--tolerance must be zero or positive");
    }
}
