package dev.gapwise.cli;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gap.report.ReproductionReport;
import dev.gapwise.gap.reproduce.ReferenceFigure;
import dev.gapwise.gap.reproduce.Reproducer;
import dev.gapwise.gap.reproduce.Reproduction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code gapwise gap reproduce}: published figures against the same figures recomputed from the data. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Recomputes every figure of a reference file (shaped like reference_numbers.csv) that the data",
                "can support and prints published vs recomputed with the method and data snapshot used; figures",
                "it cannot compute are listed with the reason. Exits 1 when a figure the reference marks",
                "reproducible ('yes') does not come out exactly."})
final class ReproduceCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--reference", required = true, paramLabel = "FILE",
            description = "The published figures (repeatable: several files are read in turn).")
    List<Path> references;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table, markdown, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<ReferenceFigure> figures = references.stream().flatMap(f -> ReferenceFigure.read(f).stream()).toList();
        Catalog catalog = catalogOptions.load(spec.commandLine().getErr());
        List<Reproduction> reproductions = new Reproducer(catalog.datasets()).run(figures);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "table" -> {
                out.print(ReproductionReport.table(reproductions));
                catalog.datasets().stream().max(java.util.Comparator.comparing(d -> d.snapshot().date()))
                        .ifPresent(d -> out.println("Newest data: " + d.snapshot().label() + "; "
                                + dev.gapwise.gap.Freshness.line(d.snapshot().date(), java.time.LocalDate.now())));
            }
            case "markdown" -> out.print(ReproductionReport.markdown(reproductions));
            case "csv" -> out.print(ReproductionReport.csv(reproductions));
            case "json" -> out.println(ReproductionReport.json(reproductions));
            default -> throw new UserException("--format must be table, markdown, csv or json, not '" + format + "'");
        }
        out.flush();
        boolean broken = reproductions.stream().anyMatch(r -> r.figure().expectation()
                == ReferenceFigure.Expectation.EXACT && r.status() != Reproduction.Status.EXACT);
        return broken ? 1 : 0;
    }
}
