package dev.gapwise.gap.testing;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.imports.DatasetImporter;
import dev.gapwise.catalog.imports.ImportReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public datasets in {@code ../shared/data}, read in place (never copied into the project). The path
 * comes from the {@code gapwise.shared.data} system property that the build sets; imports are cached per
 * folder because several golden tests read the same files.
 */
public final class SharedData {
    private static final Map<Path, ImportReport> CACHE = new ConcurrentHashMap<>();

    private SharedData() {
    }

    /** The shared data folder; fails the test clearly when it is missing. */
    public static Path root() {
        String property = System.getProperty("gapwise.shared.data", "../../shared/data");
        Path root = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("shared data not found at " + root
                    + "; golden tests need ../shared/data beside the project (set -Dgapwise.shared.data=DIR)");
        }
        return root;
    }

    /** The import of a sub-folder of the shared data, e.g. {@code gap}. */
    public static ImportReport imported(String folder) {
        return CACHE.computeIfAbsent(root().resolve(folder), DatasetImporter::importFrom);
    }

    /** A dataset of the shared {@code gap} folder by name. */
    public static Dataset gapDataset(String name) {
        return imported("gap").datasets().stream().filter(d -> d.snapshot().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no dataset " + name + " in the shared gap data"));
    }
}
