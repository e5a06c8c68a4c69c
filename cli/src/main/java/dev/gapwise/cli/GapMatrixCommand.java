package dev.gapwise.cli;

import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.analysis.GapAnalysis;
import dev.gapwise.gap.matrix.QuadrantMatrix;
import dev.gapwise.gap.report.MatrixChart;
import dev.gapwise.gap.report.MatrixTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** {@code gapwise gap matrix}: US/China × closed/open, against the overall frontier and each other. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"The 2x2 view: US closed, US open, China closed and China open, each against the overall",
                "frontier and against each other quadrant, now and by half-year (method d), with the four",
                "frontiers on one chart. Example: gapwise gap matrix --data ../shared/data/gap --charts out/"})
final class GapMatrixCommand implements Runnable {
    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = {"-b", "--benchmark"}, defaultValue = "eci", paramLabel = "NAME",
            description = "Benchmark or index id or name (default: ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = "--source", paramLabel = "NAME", description = "Dataset to take it from (default: imported first).")
    String source;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--charts", paramLabel = "DIR", description = "Also write the chart of the four frontiers (SVG, PNG).")
    Path charts;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Catalog catalog = catalogOptions.load(spec.commandLine().getErr());
        QuadrantMatrix.Report report = QuadrantMatrix.run(series(catalog, benchmark, source));
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "table" -> out.print(MatrixTables.text(report, LocalDate.now()));
            case "csv" -> out.print(MatrixTables.csv(report));
            case "json" -> out.println(MatrixTables.json(report, LocalDate.now()));
            default -> throw new UserException("--format must be table, csv or json, not '" + format + "'");
        }
        if (charts != null) {
            List<Path> written = MatrixChart.write(report, charts);
            spec.commandLine().getErr().println("charts: " + String.join(", ", written.stream().map(Path::toString).toList()));
        }
        out.flush();
    }

    /** The scores of a benchmark from a named source or the preferred dataset; a clear error when there are none. */
    static Series series(Catalog catalog, String benchmark, String source) {
        String id = Benchmarks.resolveId(benchmark);
        Dataset dataset;
        if (source != null) {
            dataset = catalog.dataset(source).orElseThrow(() -> new UserException("no data source named '" + source
                    + "'; sources: " + String.join(", ", catalog.datasets().stream().map(d -> d.snapshot().name()).toList())));
        } else {
            dataset = GapAnalysis.datasetFor(catalog, id).orElseThrow(() -> new UserException("unknown benchmark '"
                    + benchmark + "'; the data has: " + String.join(", ", catalog.datasets().stream()
                    .flatMap(d -> d.benchmarks().stream()).map(b -> b.id()).distinct().sorted().toList())));
        }
        return Series.of(dataset, id).filter(s -> !s.observations().isEmpty()).orElseThrow(() -> new UserException(
                "source '" + dataset.snapshot().name() + "' has no dated scores on '" + benchmark + "'"));
    }
}
