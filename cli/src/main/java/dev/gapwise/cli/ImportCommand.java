package dev.gapwise.cli;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.imports.DatasetImporter;
import dev.gapwise.catalog.imports.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code gapwise import DIR}: reads public datasets and reports what was found in them. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Reads the public datasets under DIR (Epoch AI hub and model lists, the 2024 open-models",
                "report inputs, LMArena tables) and lists every dataset, every file used and every file not",
                "used with the reason. Other commands take the same folder with --data DIR."})
final class ImportCommand implements Runnable {
    @Parameters(paramLabel = "DIR", description = "Folder (searched recursively) or single CSV file.")
    Path dir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        ImportReport report = DatasetImporter.importFrom(dir);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Datasets (" + report.datasets().size() + "):");
        for (Dataset dataset : report.datasets()) {
            out.printf("  %-48s %5d models  %6d scores  %4d leaderboards  benchmarks: %s%n",
                    dataset.snapshot().label(), dataset.models().size(), dataset.scores().size(),
                    dataset.leaderboards().size(), dataset.benchmarks().size() > 8
                            ? dataset.benchmarks().size() + " (" + String.join(", ",
                            dataset.benchmarks().stream().limit(8).map(b -> b.id()).toList()) + ", …)"
                            : String.join(", ", dataset.benchmarks().stream().map(b -> b.id()).toList()));
        }
        out.println("Files used (" + report.used().size() + "):");
        report.used().forEach(f -> out.println("  " + f.file() + "  — " + f.note()));
        if (!report.unused().isEmpty()) {
            out.println("Files not used (" + report.unused().size() + "):");
            report.unused().forEach(f -> out.println("  " + f.file() + "  — " + f.note()));
        }
        if (!report.notes().isEmpty()) {
            out.println("Notes:");
            report.notes().forEach(n -> out.println("  " + n));
        }
    }
}
