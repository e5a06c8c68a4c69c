package dev.gapwise.gap.report;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.analysis.GapAnalysis;
import dev.gapwise.gap.matrix.QuadrantMatrix;

import java.nio.file.Path;
import java.util.Optional;

/** The gap report's section on the 2×2 view (US/China × closed/open) on the capability index. */
final class MatrixSection {
    private MatrixSection() {
    }

    static String render(Catalog catalog, Path chartDir, String chartLink) {
        Optional<Series> series = GapAnalysis.datasetFor(catalog, "eci").flatMap(d -> Series.of(d, "eci"));
        if (series.isEmpty()) {
            return "";
        }
        QuadrantMatrix.Report report = QuadrantMatrix.run(series.get());
        StringBuilder out = new StringBuilder("## The 2×2 view: US and China, closed and open\n\n");
        out.append(MatrixTables.headline(report)).append(". Data: ").append(report.series().snapshot().label())
                .append(". Each row trails each column by method (d) on the data's last day (0 = level or ahead);"
                        + " `gapwise gap matrix` gives every pair by half-year.\n\n");
        out.append(MatrixTables.markdown(report)).append('\n');
        MatrixChart.write(report, chartDir).stream().filter(p -> p.toString().endsWith(".png"))
                .forEach(p -> out.append("![2x2 view](").append(chartLink).append('/').append(p.getFileName())
                        .append(")\n\n"));
        return out.toString();
    }
}
