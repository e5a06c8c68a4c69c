package dev.gapwise.catalog.epoch;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Countries;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Epoch AI's "Data on AI Models" lists (notable, large-scale, frontier, or the full ML systems
 * table): one row per model with its publication date, organisation, country, accessibility and training
 * compute. Training compute becomes the {@code training_compute} benchmark, so the lag methods run on it.
 * Other columns (domain, task, base model, notability, …) become model attributes for filters.
 */
public final class EpochModelListReader {
    private static final List<String> NAME_COLUMNS = List.of("Model", "System");
    private static final List<String> COUNTRY_COLUMNS = List.of("Country (of organization)",
            "Country (from Organization)", "Country");
    private static final List<String> ATTRIBUTE_COLUMNS = List.of("Domain", "Task", "Confidence", "Base model",
            "Finetune compute (FLOP)", "Notability criteria", "Organization categorization", "Frontier model",
            "Training code accessibility", "Model accessibility");

    private EpochModelListReader() {
    }

    /** True when the header is that of an Epoch model list. */
    public static boolean matches(List<String> header) {
        return NAME_COLUMNS.stream().anyMatch(header::contains) && header.contains("Publication date")
                && header.contains("Model accessibility") && header.contains("Training compute (FLOP)");
    }

    /** Reads a list as one dataset named {@code name}, with no annotations. */
    public static Dataset read(String name, String origin, CsvTable table) {
        return read(name, origin, table, ReportAnnotations.none());
    }

    /**
     * Reads a list as one dataset named {@code name}. Systems the annotations exclude get the attribute
     * {@code excluded=fine-tune}; systems the annotations give a speculative compute value get it in place of the
     * listed one (as the report does), marked {@code compute_basis=speculative}, the listed value kept as
     * {@code listed_compute_flop}.
     */
    public static Dataset read(String name, String origin, CsvTable table, ReportAnnotations annotations) {
        String nameColumn = NAME_COLUMNS.stream().filter(table::hasColumn).findFirst().orElse("Model");
        String countryColumn = COUNTRY_COLUMNS.stream().filter(table::hasColumn).findFirst().orElse("Country");
        table.require(nameColumn, "Organization", "Publication date", "Model accessibility", "Training compute (FLOP)");
        LocalDate newest = LocalDate.MIN;
        Dataset.Builder dataset = null;
        Map<String, Model> models = new LinkedHashMap<>();
        Map<String, Double> compute = new LinkedHashMap<>();
        for (CsvRow row : table.rows()) {
            String id = row.requiredText(nameColumn);
            if (models.containsKey(id)) {
                throw row.error(nameColumn, "repeats model '" + id + "'");
            }
            Optional<LocalDate> date = row.optionalDate("Publication date");
            Double flop = row.numberOrNull("Training compute (FLOP)");
            Map<String, String> attributes = attributes(row, table);
            if (annotations.speculativeComputeFlop().containsKey(id)) {
                if (flop != null) {
                    attributes.put("listed_compute_flop", String.valueOf(flop));
                }
                flop = annotations.speculativeComputeFlop().get(id);
                attributes.put(ReportAnnotations.COMPUTE_BASIS, "speculative");
            }
            if (annotations.excludedFinetunes().contains(id)) {
                attributes.put(ReportAnnotations.EXCLUDED, "fine-tune");
            }
            Double parameters = row.numberOrNull("Parameters");
            models.put(id, Model.builder(id, id)
                    .organization(row.text("Organization"))
                    .countries(table.hasColumn(countryColumn) ? Countries.parseList(row.text(countryColumn), ',') : List.of())
                    .access(Access.fromEpochAccessibility(row.text("Model accessibility")))
                    .license(row.text("Model accessibility"))
                    .releaseDate(date.orElse(null))
                    .parameters(parameters)
                    .trainingComputeFlop(flop)
                    .attributes(attributes)
                    .source(name + ", " + table.name() + " line " + row.line())
                    .build());
            if (flop != null) {
                compute.put(id, flop);
            }
            if (date.isPresent() && date.get().isAfter(newest)) {
                newest = date.get();
            }
        }
        dataset = Dataset.builder(new DataSnapshot(name, newest.equals(LocalDate.MIN) ? LocalDate.EPOCH : newest, origin));
        models.values().forEach(dataset::model);
        dataset.benchmark(Benchmarks.TRAINING_COMPUTE);
        for (Map.Entry<String, Double> entry : compute.entrySet()) {
            dataset.score(new BenchmarkScore(entry.getKey(), Benchmarks.TRAINING_COMPUTE.id(), entry.getValue(),
                    Optional.empty(), name));
        }
        return dataset.build();
    }

    private static Map<String, String> attributes(CsvRow row, CsvTable table) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String column : ATTRIBUTE_COLUMNS) {
            if (table.hasColumn(column) && !row.text(column).isEmpty()) {
                attributes.put(key(column), row.text(column));
            }
        }
        return attributes;
    }

    /** "Base model" → "base_model", "Finetune compute (FLOP)" → "finetune_compute_flop". */
    static String key(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
