package dev.gapwise.catalog.imports;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.catalog.csv.CsvTable;
import dev.gapwise.catalog.epoch.EpochHubReader;
import dev.gapwise.catalog.epoch.EpochModelListReader;
import dev.gapwise.catalog.epoch.OpenModelsReportReader;
import dev.gapwise.catalog.epoch.ReportAnnotations;
import dev.gapwise.catalog.lmarena.ArenaReaders;
import dev.gapwise.catalog.lmarena.OrganizationCountries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Imports every dataset under a folder (or one file). Files are recognised by header and grouped per
 * folder: an ECI file and the benchmark files beside it are one hub export; the report's tables and its
 * annotation files are read together; Arena tables use the metadata and organisation map found beside
 * them (or anywhere in the import when there is only one). Dataset names are the file or folder names, so
 * two snapshots of the same source stay apart.
 *
 * <p>Stateless; each call reads the files afresh.
 */
public final class DatasetImporter {

    private DatasetImporter() {
    }

    /** Imports the folder or file at {@code root}. */
    public static ImportReport importFrom(Path root) {
        if (!Files.exists(root)) {
            throw new DataFileException(root.toString(), 0, "no such file or folder");
        }
        List<ImportReport.FileNote> used = new ArrayList<>();
        List<ImportReport.FileNote> unused = new ArrayList<>();
        Map<Path, Map<FileKind, List<Located>>> byFolder = new TreeMap<>();
        for (Path file : files(root)) {
            String fileName = file.getFileName().toString();
            if (!fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                unused.add(new ImportReport.FileNote(file, "not a CSV file"));
                continue;
            }
            CsvTable table = CsvTable.read(file);
            Optional<FileKind> kind = FileKind.detect(table.header());
            if (kind.isEmpty()) {
                unused.add(new ImportReport.FileNote(file, "unrecognised CSV (header: "
                        + String.join(", ", table.header().stream().limit(6).toList())
                        + (table.header().size() > 6 ? ", …" : "") + ")"));
                continue;
            }
            byFolder.computeIfAbsent(file.getParent(), f -> new EnumMap<>(FileKind.class))
                    .computeIfAbsent(kind.get(), k -> new ArrayList<>()).add(new Located(file, table));
            used.add(new ImportReport.FileNote(file, kind.get().description()));
        }
        Assembly assembly = new Assembly(globalCountries(byFolder));
        byFolder.forEach(assembly::folder);
        return new ImportReport(assembly.datasets, assembly.deployments, used, unused, assembly.notes,
                assembly.references, assembly.families);
    }

    private static List<Path> files(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new DataFileException(root.toString(), 0, "cannot be listed: " + e.getMessage(), e);
        }
    }

    /** When the whole import has exactly one organisation map, Arena files anywhere may use it. */
    private static Optional<OrganizationCountries> globalCountries(Map<Path, Map<FileKind, List<Located>>> byFolder) {
        List<Located> maps = byFolder.values().stream()
                .flatMap(kinds -> kinds.getOrDefault(FileKind.ARENA_ORG_COUNTRIES, List.of()).stream()).toList();
        return maps.size() == 1 ? Optional.of(OrganizationCountries.read(maps.getFirst().table())) : Optional.empty();
    }

    private record Located(Path file, CsvTable table) {
        String baseName() {
            return file.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        }
    }

    /** Builds datasets folder by folder; not thread-safe, one per import. */
    private static final class Assembly {
        private final Optional<OrganizationCountries> globalCountries;
        private final List<Dataset> datasets = new ArrayList<>();
        private final List<dev.gapwise.catalog.Deployment> deployments = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<Path> references = new ArrayList<>();
        private Optional<dev.gapwise.catalog.TaskFamilies> families = Optional.empty();

        Assembly(Optional<OrganizationCountries> globalCountries) {
            this.globalCountries = globalCountries;
        }

        void folder(Path folder, Map<FileKind, List<Located>> kinds) {
            List<Located> none = List.of();
            String folderName = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();

            List<Located> eci = kinds.getOrDefault(FileKind.EPOCH_ECI, none);
            List<Located> hub = kinds.getOrDefault(FileKind.EPOCH_HUB_BENCHMARK, none);
            Map<Path, CsvTable> benchmarks = new LinkedHashMap<>();
            hub.forEach(l -> benchmarks.put(l.file(), l.table()));
            if (eci.size() == 1) {
                Located only = eci.getFirst();
                add(EpochHubReader.read(hub.isEmpty() ? only.baseName() : folderName, folder.toString(),
                        Optional.of(only.table()), benchmarks));
            } else {
                for (Located file : eci) {
                    add(EpochHubReader.read(file.baseName(), file.file().toString(), Optional.of(file.table()), Map.of()));
                }
                if (!hub.isEmpty()) {
                    notes.add(folder + ": benchmark files without exactly one ECI file beside them;"
                            + " their models have unknown access");
                    add(EpochHubReader.read(folderName, folder.toString(), Optional.empty(), benchmarks));
                }
            }

            ReportAnnotations annotations = ReportAnnotations.read(
                    first(kinds, FileKind.REPORT_SPECULATIVE_COMPUTE),
                    first(kinds, FileKind.REPORT_EXCLUDED_FINETUNES));
            List<CsvTable> report = Stream.concat(kinds.getOrDefault(FileKind.REPORT_BENCHMARKS, none).stream(),
                    kinds.getOrDefault(FileKind.REPORT_GSM1K, none).stream()).map(Located::table).toList();
            if (!report.isEmpty()) {
                datasets.add(OpenModelsReportReader.read(folderName, folder.toString(), report, annotations));
            }
            for (Located list : kinds.getOrDefault(FileKind.EPOCH_MODEL_LIST, none)) {
                datasets.add(EpochModelListReader.read(list.baseName(), list.file().toString(), list.table(), annotations));
            }

            OrganizationCountries countries = first(kinds, FileKind.ARENA_ORG_COUNTRIES)
                    .map(OrganizationCountries::read)
                    .or(() -> globalCountries)
                    .orElse(OrganizationCountries.empty());
            if (countries.size() == 0 && hasArena(kinds)) {
                notes.add(folder + ": no organisation → country map found; Arena models have no country");
            }
            for (Located history : kinds.getOrDefault(FileKind.ARENA_RATING_HISTORY, none)) {
                datasets.add(ArenaReaders.readRatingHistory(history.baseName(), history.file().toString(),
                        history.table(), first(kinds, FileKind.ARENA_METADATA),
                        first(kinds, FileKind.ARENA_DISPLAYED_ELO), countries));
            }
            for (Located snapshots : kinds.getOrDefault(FileKind.ARENA_SNAPSHOTS, none)) {
                datasets.add(ArenaReaders.readSnapshots(snapshots.baseName(), snapshots.file().toString(),
                        snapshots.table(), countries));
            }
            for (Located displayed : kinds.getOrDefault(FileKind.ARENA_DISPLAYED_ELO, none)) {
                datasets.add(ArenaReaders.readDisplayedElo(displayed.baseName(), displayed.file().toString(),
                        displayed.table(), first(kinds, FileKind.ARENA_METADATA), countries));
            }
            kinds.getOrDefault(FileKind.REFERENCE_FIGURES, none).forEach(l -> references.add(l.file()));

            Optional<CsvTable> models = first(kinds, FileKind.GAPWISE_MODELS);
            if (models.isPresent()) {
                Catalog catalog = BundledCatalogReader.read(models.get(),
                        first(kinds, FileKind.GAPWISE_SCORES).orElseThrow(() -> missing(folder, "scores.csv")),
                        first(kinds, FileKind.GAPWISE_DEPLOYMENTS).orElseThrow(() -> missing(folder, "deployments.csv")),
                        first(kinds, FileKind.GAPWISE_FAMILIES), folder.toString());
                datasets.addAll(catalog.datasets());
                deployments.addAll(catalog.allDeployments());
                if (!catalog.families().families().isEmpty()) {
                    families = Optional.of(catalog.families());
                }
            }
        }

        private void add(EpochHubReader.Result result) {
            datasets.add(result.dataset());
            notes.addAll(result.notes());
        }

        private static boolean hasArena(Map<FileKind, List<Located>> kinds) {
            return kinds.containsKey(FileKind.ARENA_RATING_HISTORY) || kinds.containsKey(FileKind.ARENA_SNAPSHOTS)
                    || kinds.containsKey(FileKind.ARENA_DISPLAYED_ELO);
        }

        private static DataFileException missing(Path folder, String what) {
            return new DataFileException(folder.toString(), 0,
                    "holds a Gapwise models file but no " + what + " beside it");
        }

        private static Optional<CsvTable> first(Map<FileKind, List<Located>> kinds, FileKind kind) {
            List<Located> located = kinds.getOrDefault(kind, List.of());
            return located.isEmpty() ? Optional.empty() : Optional.of(located.getFirst().table());
        }
    }
}
