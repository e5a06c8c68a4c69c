package dev.gapwise.cli;

import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.imports.DatasetImporter;
import dev.gapwise.gap.analysis.GapAnalysis;
import dev.gapwise.gap.analysis.GapRequest;
import dev.gapwise.gap.diff.SnapshotDiff;
import dev.gapwise.gap.report.DiffTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** {@code gapwise gap diff}: how the lags moved between two data snapshots, and why. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"How the lags moved between two snapshots of the same data and why: each method on the old",
                "snapshot, on the new one, and on the new scores of the old models only — so the change splits into",
                "re-scoring (Epoch refits ECI with every export) and newly added models. Example:",
                "  gapwise gap diff --old ../shared/data/gap/epoch_eci_snapshot_2026-01-20.csv",
                "      --new ../shared/data/gap/epoch_benchmarking_hub_2026-04"})
final class GapDiffCommand implements Runnable {
    @Option(names = "--old", required = true, paramLabel = "PATH", description = "The older snapshot (folder or CSV).")
    Path old;

    @Option(names = "--new", required = true, paramLabel = "PATH", description = "The newer snapshot (folder or CSV).")
    Path now;

    @Mixin
    GapSelection selection;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        GapRequest request = selection.request();
        Dataset before = dataset(old, request.benchmark());
        Dataset after = dataset(now, request.benchmark());
        SnapshotDiff.Report report;
        try {
            report = SnapshotDiff.run(before, after, request);
        } catch (GapAnalysis.UnanswerableException e) {
            throw new UserException(e.getMessage());
        }
        switch (selection.format) {
            case "table" -> spec.commandLine().getOut().print(DiffTables.text(report, LocalDate.now()));
            case "json" -> spec.commandLine().getOut().println(DiffTables.json(report, LocalDate.now()));
            default -> throw new UserException("--format must be table or json, not '" + selection.format + "'");
        }
        spec.commandLine().getOut().flush();
    }

    /** The newest dataset under {@code path} that scores the benchmark. */
    private static Dataset dataset(Path path, String benchmark) {
        String id = Benchmarks.resolveId(benchmark);
        List<Dataset> datasets = DatasetImporter.importFrom(path).datasets();
        return datasets.stream().filter(d -> d.benchmark(id).isPresent())
                .max(Comparator.comparing(d -> d.snapshot().date()))
                .orElseThrow(() -> new UserException(path + ": no dataset there scores '" + benchmark + "'"));
    }
}
