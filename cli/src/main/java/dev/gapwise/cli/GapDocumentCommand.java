package dev.gapwise.cli;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gap.report.GapDocument;
import dev.gapwise.gap.reproduce.ReferenceFigure;
import dev.gapwise.gap.reproduce.Reproducer;
import dev.gapwise.gap.reproduce.Reproduction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code gapwise gap document}: writes the Markdown gap report with its charts. */
@Command(name = "document", mixinStandardHelpOptions = true,
        description = {"Writes the gap report (Markdown) with charts: the current lag by every method, the half-year",
                "trend on several metrics, the reproduction of published figures, and what '12 months -> 3'",
                "does and does not hold. Example:",
                "  gapwise gap document --data ../shared/data/gap --reference ../shared/data/gap/reference_numbers.csv",
                "      --out docs/gap-report.md"})
final class GapDocumentCommand implements Runnable {
    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--reference", required = true, paramLabel = "FILE",
            description = "Published figures to reproduce (repeatable).")
    List<Path> references;

    @Option(names = "--out", defaultValue = "docs/gap-report.md", paramLabel = "FILE",
            description = "Markdown file to write; charts go to a 'gap-charts' folder beside it (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        List<ReferenceFigure> figures = references.stream().flatMap(f -> ReferenceFigure.read(f).stream()).toList();
        Catalog catalog = catalogOptions.load(spec.commandLine().getErr());
        List<Reproduction> reproductions = new Reproducer(catalog.datasets()).run(figures);
        Path parent = out.toAbsolutePath().getParent();
        Path charts = parent.resolve("gap-charts");
        String command = "gapwise gap document" + catalogOptions.describe() + String.join("", references.stream()
                .map(r -> " --reference " + r).toList()) + " --out " + out;
        String markdown = GapDocument.render(catalog, reproductions, command, charts, "gap-charts");
        try {
            Files.createDirectories(parent);
            Files.writeString(out, markdown);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("wrote " + out + " and charts in " + charts);
    }
}
