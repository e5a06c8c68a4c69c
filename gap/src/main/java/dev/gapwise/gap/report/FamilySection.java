package dev.gapwise.gap.report;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.analysis.GapReport;
import dev.gapwise.gap.family.FamilyAnalysis;
import dev.gapwise.gap.family.FamilyCell;
import dev.gapwise.gap.family.FamilyReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The gap report's section on task families: the family table, the heat map, and a paragraph on where the data does
 * and does not support "competitive in STEM and programming" — each statement computed from the cells, compared
 * with the same pair's lag on the capability index.
 */
final class FamilySection {
    private static final List<String> STEM = List.of("coding", "math", "science");

    private FamilySection() {
    }

    static String render(Catalog catalog, GapReport index, Path chartDir, String chartLink) {
        if (catalog.families().families().isEmpty()) {
            return "";
        }
        List<Comparison> pairs = List.of(Comparison.OPEN_VS_CLOSED, Comparison.CHINA_VS_US);
        FamilyReport report = FamilyAnalysis.run(catalog, catalog.families().families(), pairs,
                FamilyAnalysis.Settings.defaults());
        StringBuilder out = new StringBuilder("## Lag by task family\n\n");
        out.append("Benchmarks are grouped into task families by the catalog's `families.csv` (each membership names the"
                + " paper or page describing the benchmark). Each cell is the median over the family's benchmarks of"
                + " method (d) on each benchmark's last scored release (\"lag now\"), with method (a) catch-ups pooled,"
                + " the frontier gap in percentage points, and how many benchmarks and models (leader / follower) it"
                + " rests on. ").append(FamilyTables.settings(report)).append("; otherwise the cell says \"not enough"
                + " data\". `gapwise gap families --detail` lists every benchmark of every cell.\n\n");
        out.append(FamilyTables.markdown(report)).append('\n');
        List<Path> charts = FamilyHeatMap.write(report, "data: newest dataset scoring each benchmark; scores up to "
                + report.newestScore().map(Object::toString).orElse("—"), chartDir, "families-heatmap");
        charts.stream().filter(p -> p.toString().endsWith(".png")).forEach(p -> out.append("![families heat map](")
                .append(chartLink).append('/').append(p.getFileName()).append(")\n\n"));
        out.append(reading(report, index)).append("\n\n");
        return out.toString();
    }

    /** The paragraph on "competitive in STEM and programming", from the numbers. */
    static String reading(FamilyReport report, GapReport index) {
        StringBuilder text = new StringBuilder("**\"Competitive in STEM and programming\" — what the data supports.** ");
        for (int c = 0; c < report.comparisons().size(); c++) {
            Comparison pair = report.comparisons().get(c);
            OptionalDouble indexNow = indexNow(index, pair);
            text.append(capitalised(pair.label())).append(": ");
            List<String> parts = new ArrayList<>();
            for (String id : STEM) {
                Optional<FamilyReport.Row> row = report.rows().stream().filter(r -> r.family().id().equals(id)).findFirst();
                if (row.isEmpty()) {
                    continue;
                }
                FamilyCell cell = row.get().cells().get(c);
                if (!cell.supported()) {
                    parts.add(row.get().family().name().toLowerCase(Locale.ROOT) + " has " + cell.notEnoughData().orElseThrow());
                    continue;
                }
                parts.add(String.format(Locale.ROOT, "%s %s months behind now (%d benchmarks, %d/%d models, frontier gap"
                                + " %s pp)%s", row.get().family().name().toLowerCase(Locale.ROOT),
                        Format.months(cell.lagNow()), cell.counted().size(), cell.leaderModels(), cell.followerModels(),
                        cell.gapPoints().isPresent() ? String.format(Locale.ROOT, "%.1f", cell.gapPoints().getAsDouble()) : "—",
                        versus(cell.lagNow(), indexNow)));
            }
            text.append(String.join("; ", parts));
            text.append(indexNow.isPresent() ? " — against " + Format.months(indexNow) + " months on the index that day. "
                    : ". ");
        }
        List<String> thin = new ArrayList<>();
        List<String> far = new ArrayList<>();
        for (FamilyReport.Row row : report.rows()) {
            if (STEM.contains(row.family().id())) {
                continue;
            }
            for (int c = 0; c < report.comparisons().size(); c++) {
                FamilyCell cell = row.cells().get(c);
                String where = row.family().name() + " (" + report.comparisons().get(c).label() + ")";
                if (!cell.supported()) {
                    thin.add(where);
                } else if (cell.lagNow().isPresent() && cell.lagNow().getAsDouble() >= 12) {
                    far.add(where + " " + Format.months(cell.lagNow()) + " months on " + cell.counted().size()
                            + " benchmarks and " + cell.leaderModels() + "/" + cell.followerModels() + " models");
                }
            }
        }
        text.append("So the data supports \"competitive\" in STEM and programming only in the sense of a lag of months,"
                + " not of parity: every STEM and coding family with enough data still trails, and whether it trails by"
                + " less than the index says depends on the pair, as the comparisons above show. ");
        if (!far.isEmpty()) {
            text.append("Families a year or more behind: ").append(String.join("; ", far))
                    .append(" — thin evidence, but the same direction as \"nowhere close on vision\". ");
        }
        text.append("The data cannot say anything about ").append(thin.isEmpty() ? "—" : String.join(", ", thin))
                .append(": too few benchmarks there score enough open or Chinese models recently (most older benchmarks"
                        + " such as MMLU stopped being scored in 2024–2025 and count as stale).");
        return text.toString();
    }

    private static String versus(OptionalDouble family, OptionalDouble index) {
        if (family.isEmpty() || index.isEmpty()) {
            return "";
        }
        double difference = family.getAsDouble() - index.getAsDouble();
        if (Math.abs(difference) <= 1) {
            return ", about the same as on the index";
        }
        return difference < 0 ? ", shorter than on the index" : ", longer than on the index";
    }

    private static OptionalDouble indexNow(GapReport index, Comparison pair) {
        return index.sections().stream().filter(s -> s.comparison().equals(pair)).findFirst()
                .flatMap(s -> s.lags().stream().filter(l -> l.method() == dev.gapwise.gap.method.Method.BACKWARD_LAG)
                        .findFirst())
                .flatMap(l -> Optional.ofNullable(l.extra().get("lag_on_last_day_months")))
                .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
