package dev.gapwise.cli;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.TaskFamilies;
import dev.gapwise.catalog.TaskFamily;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.catalog.csv.CsvTable;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.family.FamilyAnalysis;
import dev.gapwise.gap.family.FamilyReport;
import dev.gapwise.gap.report.FamilyHeatMap;
import dev.gapwise.gap.report.FamilyTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code gapwise gap families}: the lag per task family and group pair, with the data behind each number. */
@Command(name = "families", mixinStandardHelpOptions = true,
        description = {"The lag by task family (coding, math, science, knowledge, agentic, long context, vision,",
                "writing, …; the grouping is the catalog's families.csv) for each group pair: method (d) on each",
                "benchmark's last scored release (median over the family), method (a) catch-ups pooled, method (c),",
                "the frontier gap, and how many benchmarks and models each number rests on — or 'not enough data'.",
                "Example: gapwise gap families --data ../shared/data/gap --charts out/"})
final class GapFamiliesCommand implements Runnable {
    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = {"-g", "--groups"}, paramLabel = "PAIR", split = ",",
            description = "Group pairs: open-vs-closed, china-vs-us, open-vs-sota (default: all three).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--family", paramLabel = "ID", split = ",", description = "Only these families (default: all).")
    List<String> only = new ArrayList<>();

    @Option(names = "--families", paramLabel = "FILE",
            description = "A families CSV (family,family_name,benchmark,source) instead of the catalog's.")
    Path familiesFile;

    @Option(names = "--min-benchmarks", defaultValue = "2", paramLabel = "N",
            description = "Benchmarks a family needs for a number (default: ${DEFAULT-VALUE}).")
    int minBenchmarks;

    @Option(names = "--min-models", defaultValue = "3", paramLabel = "N",
            description = "Scored models each group needs on a benchmark for it to count (default: ${DEFAULT-VALUE}).")
    int minModels;

    @Option(names = "--max-stale-months", defaultValue = "12", paramLabel = "N",
            description = "A benchmark with no score this much older than the family's newest is stale (default: ${DEFAULT-VALUE}).")
    int maxStaleMonths;

    @Option(names = "--detail", description = "List every benchmark of every cell, not only those that do not count.")
    boolean detail;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--charts", paramLabel = "DIR", description = "Also write the heat map (family x group pair) as SVG and PNG.")
    Path charts;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (minBenchmarks < 1 || minModels < 1 || maxStaleMonths < 0) {
            throw new UserException("--min-benchmarks and --min-models must be at least 1, --max-stale-months at least 0");
        }
        List<Comparison> comparisons = comparisons(groups);
        Catalog catalog = catalogOptions.load(spec.commandLine().getErr());
        TaskFamilies families = familiesFile == null ? catalog.families()
                : BundledCatalogReader.families(CsvTable.read(familiesFile));
        if (families.families().isEmpty()) {
            throw new UserException("no task families: the catalog defines none; give --families FILE");
        }
        List<TaskFamily> chosen = new ArrayList<>();
        for (String id : only) {
            chosen.add(families.family(id).orElseThrow(() -> new UserException("unknown family '" + id + "'; families: "
                    + String.join(", ", families.ids()))));
        }
        if (chosen.isEmpty()) {
            chosen = families.families();
        }
        FamilyReport report = FamilyAnalysis.run(catalog, chosen, comparisons,
                new FamilyAnalysis.Settings(minBenchmarks, minModels, maxStaleMonths));
        if (!only.isEmpty() && report.rows().stream().allMatch(r -> r.missing().size() == r.family().benchmarks().size())) {
            throw new UserException("family '" + String.join(", ", only) + "' has no benchmark in the data; its benchmarks: "
                    + String.join(", ", chosen.stream().flatMap(f -> f.benchmarks().stream()).toList()));
        }
        PrintWriter out = spec.commandLine().getOut();
        LocalDate today = LocalDate.now();
        switch (format) {
            case "table" -> out.print(FamilyTables.text(report, today, detail));
            case "csv" -> out.print(FamilyTables.csv(report));
            case "json" -> out.println(FamilyTables.json(report, today));
            default -> throw new UserException("--format must be table, csv or json, not '" + format + "'");
        }
        if (charts != null) {
            List<Path> written = FamilyHeatMap.write(report, "data: " + String.join(", ", report.rows().stream()
                    .flatMap(r -> r.cells().stream()).flatMap(c -> c.benchmarks().stream()).map(b -> b.snapshot())
                    .distinct().toList()), charts, "families-heatmap");
            spec.commandLine().getErr().println("charts: " + String.join(", ", written.stream().map(Path::toString).toList()));
        }
        out.flush();
    }

    /** The named presets, or all three. */
    static List<Comparison> comparisons(List<String> ids) {
        List<Comparison> comparisons = new ArrayList<>();
        for (String id : ids) {
            comparisons.add(Comparison.preset(id).orElseThrow(() -> new UserException("unknown group pair '" + id
                    + "'; use open-vs-closed, china-vs-us or open-vs-sota")));
        }
        return comparisons.isEmpty() ? Comparison.presets() : comparisons;
    }
}
