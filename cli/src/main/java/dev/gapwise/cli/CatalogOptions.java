package dev.gapwise.cli;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.catalog.imports.DatasetImporter;
import dev.gapwise.catalog.imports.ImportReport;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code --data DIR} and {@code --no-bundled} options every data command shares. */
final class CatalogOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Public datasets to read (folder or CSV; repeatable), on top of the bundled catalog.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--no-bundled", description = "Use only the --data datasets, not the bundled catalog.")
    boolean noBundled;

    /** The options as they were given, for quoting a command line (" --data DIR …"). */
    String describe() {
        StringBuilder text = new StringBuilder();
        data.forEach(path -> text.append(" --data ").append(path));
        if (noBundled) {
            text.append(" --no-bundled");
        }
        return text.toString();
    }

    /**
     * The bundled catalog (unless excluded) plus every imported dataset; files under a --data folder that
     * were not used are named on {@code err}, one line per folder.
     */
    Catalog load(java.io.PrintWriter err) {
        Catalog catalog = noBundled ? new Catalog(List.of(), List.of()) : BundledCatalogReader.readBundled();
        for (Path path : data) {
            ImportReport report = DatasetImporter.importFrom(path);
            if (report.datasets().isEmpty()) {
                throw new UserException(path + ": no dataset recognised there (run 'gapwise import " + path
                        + "' to see why each file was not used)");
            }
            catalog = catalog.with(report.datasets());
            if (report.families().isPresent() && catalog.families().families().isEmpty()) {
                catalog = new Catalog(catalog.datasets(), catalog.allDeployments(), report.families().get());
            }
            if (!report.unused().isEmpty()) {
                err.println("gapwise: not used under " + path + ": " + String.join(", ", report.unused().stream()
                        .map(f -> (java.nio.file.Files.isDirectory(path) ? path.relativize(f.file()) : f.file())
                                + " (" + f.note() + ")").toList()));
            }
        }
        if (catalog.datasets().isEmpty()) {
            throw new UserException("no data: --no-bundled needs at least one --data DIR");
        }
        return catalog;
    }
}
