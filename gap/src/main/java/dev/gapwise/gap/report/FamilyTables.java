package dev.gapwise.gap.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Freshness;
import dev.gapwise.gap.family.BenchmarkResult;
import dev.gapwise.gap.family.FamilyCell;
import dev.gapwise.gap.family.FamilyReport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes a {@link FamilyReport} as a text table (one per group pair), Markdown, CSV (one row per family and pair,
 * then one per benchmark) or JSON. Every cell says how many benchmarks and models it rests on, or why there is not
 * enough data.
 */
public final class FamilyTables {
    private FamilyTables() {
    }

    /** One table per group pair, then the benchmarks that did not count and why (all of them with {@code detail}). */
    public static String text(FamilyReport report, LocalDate today, boolean detail) {
        StringBuilder out = new StringBuilder();
        out.append("Lag by task family. 'lag now' = method (d) on each benchmark's last scored release, median over"
                + " the benchmarks that count; catch-ups = method (a) pooled; gap = frontier gap in percentage points"
                + " (accuracy benchmarks).\n");
        out.append(settings(report)).append("; ")
                .append(report.newestScore().map(d -> Freshness.line(d, today)).orElse("no score counted")).append("\n");
        for (int c = 0; c < report.comparisons().size(); c++) {
            Comparison comparison = report.comparisons().get(c);
            out.append('\n').append(comparison.label()).append("  [").append(comparison.id()).append("]\n");
            TextTable table = new TextTable("family", "lag now (d)", "catch-ups (a)", "horizontal (c)", "gap (pp)",
                    "benchmarks", "models (" + comparison.leader().label() + " / " + comparison.follower().label() + ")");
            for (FamilyReport.Row row : report.rows()) {
                FamilyCell cell = row.cells().get(c);
                if (!cell.supported()) {
                    table.row(row.family().name(), cell.notEnoughData().orElseThrow(), "", "", "",
                            counted(cell, row), cell.leaderModels() + " / " + cell.followerModels());
                    continue;
                }
                table.row(row.family().name(), Format.months(cell.lagNow()), catchUps(cell),
                        Format.months(cell.horizontal()), points(cell.gapPoints()), counted(cell, row),
                        cell.leaderModels() + " / " + cell.followerModels());
            }
            out.append(table.render("  "));
            for (FamilyReport.Row row : report.rows()) {
                FamilyCell cell = row.cells().get(c);
                for (BenchmarkResult result : cell.benchmarks()) {
                    if (detail || !result.counts()) {
                        out.append("  ").append(row.family().id()).append(' ').append(result.benchmark().id()).append(": ")
                                .append(benchmarkLine(result)).append('\n');
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        report.rows().forEach(row -> row.missing().forEach(b -> missing.add(row.family().id() + "/" + b)));
        if (!missing.isEmpty()) {
            out.append("\nNot in the data: ").append(String.join(", ", missing)).append('\n');
        }
        return out.toString();
    }

    /** One Markdown table per group pair, for the gap report. */
    public static String markdown(FamilyReport report) {
        StringBuilder out = new StringBuilder();
        out.append("| family |");
        report.comparisons().forEach(c -> out.append(' ').append(c.label()).append(" |"));
        out.append("\n|---|").append("---|".repeat(report.comparisons().size())).append('\n');
        for (FamilyReport.Row row : report.rows()) {
            out.append("| ").append(row.family().name()).append(" |");
            for (FamilyCell cell : row.cells()) {
                out.append(' ').append(cell.supported()
                        ? "**" + Format.months(cell.lagNow()) + " mo** (catch-ups " + catchUps(cell) + "; gap "
                        + points(cell.gapPoints()) + " pp; " + counted(cell, row) + " benchmarks, "
                        + cell.leaderModels() + "/" + cell.followerModels() + " models)"
                        : cell.notEnoughData().orElseThrow() + " (" + cell.leaderModels() + "/" + cell.followerModels()
                        + " models)").append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static String csv(FamilyReport report) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(text)) {
            csv.writeRecord("row", "family", "comparison", "benchmark", "snapshot", "last_release", "lag_now_months",
                    "catch_up_mean_months", "catch_ups", "horizontal_months", "gap_pp", "benchmarks_counted",
                    "leader_models", "follower_models", "note");
            for (FamilyReport.Row row : report.rows()) {
                for (FamilyCell cell : row.cells()) {
                    csv.writeRecord("family", row.family().id(), cell.comparison().id(), "", "", "",
                            number(cell.lagNow()), cell.catchUps().map(s -> String.valueOf(s.mean())).orElse(""),
                            String.valueOf(cell.catchUps().map(s -> s.count()).orElse(0)), number(cell.horizontal()),
                            number(cell.gapPoints()), String.valueOf(cell.counted().size()),
                            String.valueOf(cell.leaderModels()), String.valueOf(cell.followerModels()),
                            cell.notEnoughData().orElse(""));
                    for (BenchmarkResult result : cell.benchmarks()) {
                        csv.writeRecord("benchmark", row.family().id(), cell.comparison().id(), result.benchmark().id(),
                                result.snapshot(), result.end().toString(), number(result.lagNow()),
                                result.catchUps().isEmpty() ? "" : String.valueOf(result.catchUps().stream()
                                        .mapToDouble(e -> e.months()).average().orElseThrow()),
                                String.valueOf(result.catchUps().size()), number(result.horizontal()),
                                number(result.gapPercentagePoints()), result.counts() ? "1" : "0",
                                String.valueOf(result.leaderModels()), String.valueOf(result.followerModels()),
                                result.excluded().orElse(""));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static String json(FamilyReport report, LocalDate today) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("settings", Map.of("min_benchmarks", report.settings().minBenchmarks(), "min_models",
                report.settings().minModels(), "max_stale_months", report.settings().maxStaleMonths()));
        report.newestScore().ifPresent(d -> {
            root.put("newest_score", d.toString());
            root.put("newest_score_age_days", java.time.temporal.ChronoUnit.DAYS.between(d, today));
        });
        List<Object> families = new ArrayList<>();
        for (FamilyReport.Row row : report.rows()) {
            Map<String, Object> family = new LinkedHashMap<>();
            family.put("id", row.family().id());
            family.put("name", row.family().name());
            family.put("benchmarks", row.family().benchmarks());
            family.put("not_in_data", row.missing());
            List<Object> cells = new ArrayList<>();
            for (FamilyCell cell : row.cells()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("comparison", cell.comparison().id());
                out.put("supported", cell.supported());
                cell.notEnoughData().ifPresent(n -> out.put("not_enough_data", n));
                out.put("lag_now_months", value(cell.lagNow()));
                cell.catchUps().ifPresent(s -> out.put("catch_ups", Map.of("count", s.count(), "mean", s.mean(),
                        "median", s.median(), "p5", s.p5(), "p95", s.p95())));
                out.put("horizontal_months", value(cell.horizontal()));
                out.put("gap_pp", value(cell.gapPoints()));
                out.put("benchmarks_counted", cell.counted().size());
                out.put("leader_models", cell.leaderModels());
                out.put("follower_models", cell.followerModels());
                List<Object> benchmarks = new ArrayList<>();
                for (BenchmarkResult result : cell.benchmarks()) {
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("benchmark", result.benchmark().id());
                    b.put("snapshot", result.snapshot());
                    b.put("last_release", result.end().toString());
                    b.put("counts", result.counts());
                    result.excluded().ifPresent(e -> b.put("excluded", e));
                    b.put("lag_now_months", value(result.lagNow()));
                    b.put("catch_ups", result.catchUps().stream().map(e -> e.months()).toList());
                    b.put("horizontal_months", value(result.horizontal()));
                    b.put("gap_pp", value(result.gapPercentagePoints()));
                    b.put("leader_models", result.leaderModels());
                    b.put("follower_models", result.followerModels());
                    benchmarks.add(b);
                }
                out.put("benchmarks", benchmarks);
                cells.add(out);
            }
            family.put("cells", cells);
            families.add(family);
        }
        root.put("families", families);
        return GapReportJson.MAPPER.writeValueAsString(root);
    }

    static String settings(FamilyReport report) {
        var s = report.settings();
        return "A benchmark counts when each group has at least " + s.minModels() + " scored models on it and it was"
                + " scored within " + s.maxStaleMonths() + " months of the newest score in this report; a family needs "
                + s.minBenchmarks() + " counted benchmarks";
    }

    private static String benchmarkLine(BenchmarkResult result) {
        String numbers = "lag now " + Format.months(result.lagNow()) + ", " + result.catchUps().size() + " catch-ups, "
                + result.leaderModels() + "/" + result.followerModels() + " models, last release " + result.end()
                + ", " + result.snapshot();
        return result.excluded().map(reason -> "not counted (" + reason + "); " + numbers).orElse(numbers);
    }

    private static String counted(FamilyCell cell, FamilyReport.Row row) {
        return cell.counted().size() + " of " + row.family().benchmarks().size();
    }

    private static String catchUps(FamilyCell cell) {
        return cell.catchUps().map(s -> Format.months(s.mean()) + " mean of " + s.count()).orElse("none");
    }

    private static String points(OptionalDouble points) {
        return points.isPresent() ? String.format(java.util.Locale.ROOT, "%.1f", points.getAsDouble()) : "—";
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.valueOf(value.getAsDouble()) : "";
    }

    private static Object value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
