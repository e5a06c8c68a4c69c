package dev.gapwise.catalog.epoch;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Countries;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.Scale;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads an Epoch AI Benchmarking Hub export: the Capabilities Index file ({@code Model version},
 * {@code ECI Score}, {@code Model accessibility}, …) and any per-benchmark files beside it.
 *
 * <p>Models are keyed by {@code Model version} (reasoning-effort variants such as {@code o3_high} are
 * separate versions with their own release date and access). Per-benchmark files carry no access column:
 * access comes from the ECI file, as Epoch documents. A benchmark file with several runs of one version
 * keeps the best run, with its {@code stderr} when the file states one. Rows without a version or without a
 * score are skipped and counted.
 */
public final class EpochHubReader {
    static final String VERSION = "Model version";
    static final String RELEASE = "Release date";
    private static final List<String> NOT_SCORES = List.of("scaffold", "agent", "tools", "name", "notes", "shots");

    private EpochHubReader() {
    }

    /** What a read produced, with the rows it had to skip and why. */
    public record Result(Dataset dataset, List<String> notes) {
    }

    /** True when the header is that of an ECI file. */
    public static boolean isEciFile(List<String> header) {
        return header.contains(VERSION) && header.contains("ECI Score");
    }

    /** True when the header is that of a per-benchmark hub file. */
    public static boolean isBenchmarkFile(List<String> header) {
        return !header.isEmpty() && header.getFirst().equals(VERSION) && header.contains(RELEASE)
                && !header.contains("ECI Score");
    }

    /**
     * Reads one ECI table and any benchmark tables of the same export into one dataset.
     *
     * @param name      snapshot name, e.g. "Epoch AI Benchmarking Hub"
     * @param origin    folder or file it came from
     * @param eci       the Capabilities Index table, or empty when only benchmark files are given
     * @param benchmarks per-benchmark tables, keyed by the file they came from
     */
    public static Result read(String name, String origin, Optional<CsvTable> eci, Map<Path, CsvTable> benchmarks) {
        Map<String, Model.Builder> builders = new LinkedHashMap<>();
        Map<String, Access> accessByVersion = new HashMap<>();
        List<String> notes = new ArrayList<>();
        List<PendingScore> pending = new ArrayList<>();
        LocalDate newest = LocalDate.MIN;

        if (eci.isPresent()) {
            CsvTable table = eci.get().require(VERSION, "ECI Score", RELEASE, "Organization", "Country",
                    "Model accessibility");
            int withoutScore = 0;
            for (CsvRow row : table.rows()) {
                String version = row.requiredText(VERSION);
                Access access = Access.fromEpochAccessibility(row.text("Model accessibility"));
                accessByVersion.put(version, access);
                builders.computeIfAbsent(version, v -> modelBuilder(row, v).access(access)
                        .license(row.text("Model accessibility"))
                        .attributes(attributes(row, "Model name", "Display name", "Confidence")));
                OptionalDouble score = row.optionalNumber("ECI Score");
                if (score.isEmpty()) {
                    withoutScore++;
                    continue;
                }
                pending.add(new PendingScore(version, Benchmarks.ECI, score.getAsDouble(), OptionalDouble.empty()));
                newest = max(newest, row.optionalDate(RELEASE).orElse(LocalDate.MIN));
            }
            if (withoutScore > 0) {
                notes.add(table.name() + ": " + withoutScore + " model versions have no ECI score yet (kept as models)");
            }
        }

        for (Map.Entry<Path, CsvTable> file : benchmarks.entrySet()) {
            CsvTable table = file.getValue().require(VERSION, RELEASE, "Organization", "Country");
            String column = scoreColumn(table);
            Benchmark benchmark = benchmarkFor(file.getKey(), table, column);
            boolean percent = isPercent(table, column);
            int skipped = 0;
            for (CsvRow row : table.rows()) {
                String version = row.text(VERSION);
                if (version.isEmpty()) {
                    version = table.hasColumn("Name") ? row.text("Name") : "";
                }
                OptionalDouble score = row.optionalNumber(column);
                if (version.isEmpty() || score.isEmpty()) {
                    skipped++;
                    continue;
                }
                String key = version;
                builders.computeIfAbsent(key, v -> modelBuilder(row, v)
                        .access(accessByVersion.getOrDefault(v, Access.UNKNOWN)));
                double value = percent ? score.getAsDouble() / 100.0 : score.getAsDouble();
                OptionalDouble stderr = table.hasColumn("stderr") ? row.optionalNumber("stderr") : OptionalDouble.empty();
                if (percent && stderr.isPresent()) {
                    stderr = OptionalDouble.of(stderr.getAsDouble() / 100.0);
                }
                pending.add(new PendingScore(key, benchmark, value, stderr));
                newest = max(newest, row.optionalDate(RELEASE).orElse(LocalDate.MIN));
            }
            if (skipped > 0) {
                notes.add(table.name() + ": skipped " + skipped + " rows without a model version or a '"
                        + column + "' value");
            }
        }

        Dataset.Builder dataset = Dataset.builder(new DataSnapshot(name,
                newest.equals(LocalDate.MIN) ? LocalDate.EPOCH : newest, origin));
        builders.values().forEach(b -> dataset.model(b.build()));
        keepBestPerModel(pending).forEach(p -> {
            dataset.benchmark(p.benchmark());
            dataset.score(new BenchmarkScore(p.modelId(), p.benchmark().id(), p.value(), Optional.empty(), name,
                    p.modelId(), p.stderr()));
        });
        return new Result(dataset.build(), List.copyOf(notes));
    }

    private static Model.Builder modelBuilder(CsvRow row, String version) {
        return Model.builder(version, row.textIfPresent("Display name").orElse(version))
                .organization(row.text("Organization"))
                .countries(Countries.parseList(row.text("Country"), ','))
                .releaseDate(row.optionalDate(RELEASE).orElse(null))
                .trainingComputeFlop(row.numberOrNull("Training compute (FLOP)"))
                .source("Epoch AI Benchmarking Hub, " + row.tableName() + " line " + row.line());
    }

    private static Map<String, String> attributes(CsvRow row, String... columns) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String column : columns) {
            row.textIfPresent(column).ifPresent(v -> attributes.put(column.toLowerCase(Locale.ROOT).replace(' ', '_'), v));
        }
        return attributes;
    }

    /**
     * The score column: the first column between {@code Model version} and {@code Release date} that is not
     * a configuration column (scaffold, agent, tools) and holds numbers.
     */
    static String scoreColumn(CsvTable table) {
        List<String> header = table.header();
        int end = header.indexOf(RELEASE);
        for (int i = 1; i < end; i++) {
            String column = header.get(i);
            if (NOT_SCORES.contains(column.toLowerCase(Locale.ROOT)) || !numeric(table, column)) {
                continue;
            }
            return column;
        }
        throw new dev.gapwise.catalog.DataFileException(table.name(), 1,
                "no numeric score column between '" + VERSION + "' and '" + RELEASE + "'");
    }

    private static boolean numeric(CsvTable table, String column) {
        int numbers = 0;
        int texts = 0;
        for (CsvRow row : table.rows()) {
            String value = row.text(column).replace(",", "");
            if (value.isEmpty()) {
                continue;
            }
            try {
                Double.parseDouble(value);
                numbers++;
            } catch (NumberFormatException e) {
                texts++;
            }
        }
        return numbers > 0 && texts == 0;
    }

    private static Benchmark benchmarkFor(Path file, CsvTable table, String column) {
        String base = file.getFileName().toString().replaceFirst("\\.csv$", "").replaceFirst("_external$", "");
        String id = Benchmarks.resolveId(base);
        Optional<Benchmark> known = Benchmarks.byId(id);
        if (known.isPresent()) {
            return known.get();
        }
        return new Benchmark(id, base.replace('_', ' '), scaleOf(column, table));
    }

    private static Scale scaleOf(String column, CsvTable table) {
        String lower = column.toLowerCase(Locale.ROOT);
        if (lower.contains("arena score") || lower.contains("elo")) {
            return Scale.RATING;
        }
        if (lower.contains("horizon") || lower.contains("mean score") || lower.contains("avg score")) {
            return Scale.OTHER;
        }
        double max = table.rows().stream().flatMapToDouble(r -> r.optionalNumber(column).stream()).max().orElse(0);
        return max <= 100 ? Scale.ACCURACY : Scale.OTHER;
    }

    private static boolean isPercent(CsvTable table, String column) {
        if (scaleOf(column, table) != Scale.ACCURACY) {
            return false;
        }
        return table.rows().stream().flatMapToDouble(r -> r.optionalNumber(column).stream()).anyMatch(v -> v > 1.0);
    }

    private static List<PendingScore> keepBestPerModel(List<PendingScore> scores) {
        Map<String, PendingScore> best = new LinkedHashMap<>();
        for (PendingScore score : scores) {
            best.merge(score.modelId() + "\u0000" + score.benchmark().id(), score,
                    (a, b) -> b.value() > a.value() ? b : a);
        }
        return List.copyOf(best.values());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private record PendingScore(String modelId, Benchmark benchmark, double value, OptionalDouble stderr) {
    }
}
