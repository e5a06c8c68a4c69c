package dev.gapwise.catalog.epoch;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.Scale;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the inputs of Epoch AI's report "How far behind are open models?" (2024-11-04): the benchmark
 * table (one row per {@code System} with {@code Date}, {@code Open/Closed}, accuracies as fractions and a
 * {@code Trust in benchmark results} flag) and the GSM1k table. Both become one dataset; a system in both
 * tables is one model. The trust flag is kept as the model attribute {@code trust} (-1 distrusted,
 * 0 neutral, 1 trusted) so analyses can drop distrusted results, as the report does.
 */
public final class OpenModelsReportReader {
    /** The benchmark columns of the report's tables, and the ids they become. */
    private static final Map<String, Benchmark> COLUMNS = columns();

    private OpenModelsReportReader() {
    }

    public static boolean isBenchmarkTable(List<String> header) {
        return header.containsAll(List.of("System", "Date", "Open/Closed")) && header.contains("MMLU");
    }

    public static boolean isGsm1kTable(List<String> header) {
        return header.containsAll(List.of("System", "Date", "Open/Closed", "GSM1k"));
    }

    public static boolean isSpeculativeComputeTable(List<String> header) {
        return header.containsAll(List.of("System", "training_compute_flop"));
    }

    public static boolean isExcludedTable(List<String> header) {
        return header.equals(List.of("System"));
    }

    /**
     * Reads the given tables into one dataset named {@code name}; systems the annotations exclude get the
     * attribute {@code excluded=fine-tune}.
     */
    public static Dataset read(String name, String origin, List<CsvTable> tables, ReportAnnotations annotations) {
        Map<String, Model> models = new LinkedHashMap<>();
        List<BenchmarkScore> scores = new ArrayList<>();
        Map<String, Benchmark> used = new LinkedHashMap<>();
        LocalDate newest = LocalDate.MIN;
        for (CsvTable table : tables) {
            table.require("System", "Date", "Open/Closed");
            for (CsvRow row : table.rows()) {
                String system = row.requiredText("System");
                Optional<LocalDate> date = row.optionalDate("Date");
                Model model = models.computeIfAbsent(system, s -> model(row, s, name, annotations));
                for (Map.Entry<String, Benchmark> column : COLUMNS.entrySet()) {
                    if (!table.hasColumn(column.getKey())) {
                        continue;
                    }
                    OptionalDouble value = row.optionalNumber(column.getKey());
                    if (value.isPresent()) {
                        Benchmark benchmark = column.getValue();
                        if (benchmark.scale() == Scale.ACCURACY && (value.getAsDouble() < 0 || value.getAsDouble() > 1)) {
                            throw row.error(column.getKey(), value.getAsDouble() + " is not an accuracy fraction in 0..1");
                        }
                        used.putIfAbsent(benchmark.id(), benchmark);
                        scores.add(new BenchmarkScore(model.id(), benchmark.id(), value.getAsDouble(), Optional.empty(),
                                name + ", " + table.name() + " line " + row.line()));
                    }
                }
                if (date.isPresent() && date.get().isAfter(newest)) {
                    newest = date.get();
                }
            }
        }
        Dataset.Builder dataset = Dataset.builder(new DataSnapshot(name,
                newest.equals(LocalDate.MIN) ? LocalDate.EPOCH : newest, origin));
        models.values().forEach(dataset::model);
        used.values().forEach(dataset::benchmark);
        scores.forEach(dataset::score);
        return dataset.build();
    }

    private static Model model(CsvRow row, String system, String name, ReportAnnotations annotations) {
        String openClosed = row.text("Open/Closed");
        Access access = switch (openClosed.toLowerCase(java.util.Locale.ROOT)) {
            case "open" -> Access.OPEN;
            case "closed" -> Access.CLOSED;
            case "" -> Access.UNKNOWN;
            default -> throw row.error("Open/Closed", "'" + openClosed + "' must be Open or Closed");
        };
        Map<String, String> attributes = new LinkedHashMap<>();
        row.textIfPresent("Trust in benchmark results").ifPresent(t -> attributes.put("trust", t));
        Double active = row.numberOrNull("Active Parameters");
        if (active != null) {
            attributes.put("active_parameters", String.valueOf(active));
        }
        row.textIfPresent("Speculative Compute").ifPresent(s -> attributes.put("speculative_compute_flop", s));
        if (annotations.excludedFinetunes().contains(system)) {
            attributes.put(ReportAnnotations.EXCLUDED, "fine-tune");
        }
        return Model.builder(system, system)
                .access(access)
                .license(openClosed)
                .releaseDate(row.optionalDate("Date").orElse(null))
                .parameters(row.numberOrNull("Model size (parameters)"))
                .trainingComputeFlop(row.numberOrNull("Training compute (FLOP)"))
                .attributes(attributes)
                .source(name + ", " + row.tableName() + " line " + row.line())
                .build();
    }

    private static Map<String, Benchmark> columns() {
        Map<String, Benchmark> columns = new LinkedHashMap<>();
        columns.put("BBH", Benchmarks.BBH);
        columns.put("GPQA", Benchmarks.GPQA);
        columns.put("MMLU", Benchmarks.MMLU);
        columns.put("HELM MMLU", Benchmarks.HELM_MMLU);
        columns.put("SEAL Coding", new Benchmark("seal_coding", "SEAL Coding", Scale.RATING));
        columns.put("SEAL Instruction Following",
                new Benchmark("seal_instruction_following", "SEAL Instruction Following", Scale.ACCURACY));
        columns.put("SEAL Math", new Benchmark("seal_math", "SEAL Math", Scale.ACCURACY));
        columns.put("LMSys Elo", Benchmarks.ARENA_TEXT);
        columns.put("GSM8k", Benchmarks.GSM8K);
        columns.put("GSM1k", Benchmarks.GSM1K);
        return java.util.Collections.unmodifiableMap(columns);
    }
}
