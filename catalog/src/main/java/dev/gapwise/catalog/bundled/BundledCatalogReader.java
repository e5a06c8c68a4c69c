package dev.gapwise.catalog.bundled;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Countries;
import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.Price;
import dev.gapwise.catalog.TaskFamilies;
import dev.gapwise.catalog.TaskFamily;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the bundled catalog from the classpath (or from any folder holding the same files, so users can ship
 * their own). The snapshot date is the newest {@code as_of} of its scores and prices.
 *
 * <p>Columns added since the first catalog format are optional when reading a user's files and documented in
 * the bundled ones: a model's {@code variant} ({@code base} or {@code instruct}) and the names of its
 * {@code base_model}; a score's exact measured {@code version} and {@code stderr}; a deployment's processing
 * {@code region} (an ISO code, {@code global} or {@code unknown}; older files call it {@code jurisdiction}) with
 * its {@code region_source}, and its {@code status} ({@code active}, {@code deprecated}, {@code retired}) with
 * {@code status_since}, {@code retires_on} and {@code status_source}. A missing status is {@code active}. A
 * deployment's distillation terms are its provider's in {@code distillation.csv} ({@link DistillationTerms}) unless
 * the row has its own {@code distillation} and {@code distillation_source}.
 */
public final class BundledCatalogReader {
    /** The snapshot name of the bundled catalog. */
    public static final String NAME = "Gapwise catalog";

    private static final String RESOURCE_DIR = "gapwise/catalog/";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern FAMILY_ID = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final List<String> VARIANTS = List.of(Model.BASE, Model.INSTRUCT);
    private static final List<String> MODEL_COLUMNS = List.of("id", "name", "organization", "countries", "access",
            "license", "release_date", "parameters_b", "active_parameters_b", "aliases", "source");
    private static final List<String> SCORE_COLUMNS = List.of("model_id", "benchmark", "score", "as_of", "source");
    private static final List<String> DEPLOYMENT_COLUMNS = List.of("id", "model_id", "provider", "dialect", "base_url",
            "upstream_model", "input_usd_per_mtok", "output_usd_per_mtok", "context_window", "price_as_of", "source");
    private static final List<String> FAMILY_COLUMNS = List.of("family", "family_name", "benchmark", "source");

    private BundledCatalogReader() {
    }

    /** The catalog shipped in the jar. */
    public static Catalog readBundled() {
        return read(resource("models.csv"), resource("scores.csv"), resource("deployments.csv"),
                Optional.of(resource("families.csv")), "bundled");
    }

    /** A catalog from three already-parsed tables, without task families; {@code origin} names where they came from. */
    public static Catalog read(CsvTable models, CsvTable scores, CsvTable deployments, String origin) {
        return read(models, scores, deployments, Optional.empty(), origin);
    }

    /** A catalog from already-parsed tables; {@code origin} names where they came from. */
    public static Catalog read(CsvTable models, CsvTable scores, CsvTable deployments, Optional<CsvTable> families,
                               String origin) {
        models.require(MODEL_COLUMNS);
        scores.require(SCORE_COLUMNS);
        deployments.require(DEPLOYMENT_COLUMNS);

        List<Model> modelList = models.rows().stream().map(BundledCatalogReader::model).toList();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < modelList.size(); i++) {
            if (!ids.add(modelList.get(i).id())) {
                throw models.rows().get(i).error("column 'id' repeats model id '" + modelList.get(i).id() + "'");
            }
        }
        List<BenchmarkScore> scoreList = new ArrayList<>();
        Set<String> benchmarkIds = new java.util.LinkedHashSet<>();
        LocalDate newest = LocalDate.MIN;
        for (CsvRow row : scores.rows()) {
            BenchmarkScore score = score(row, ids);
            scoreList.add(score);
            benchmarkIds.add(score.benchmark());
            newest = max(newest, score.measuredOn().orElse(LocalDate.MIN));
        }
        List<Deployment> deploymentList = new ArrayList<>();
        Set<String> deploymentIds = new HashSet<>();
        for (CsvRow row : deployments.rows()) {
            Deployment deployment = deployment(row, ids);
            if (!deploymentIds.add(deployment.id())) {
                throw row.error("column 'id' repeats deployment id '" + deployment.id() + "'");
            }
            deploymentList.add(deployment);
            newest = max(newest, deployment.priceAsOf());
        }
        if (newest.equals(LocalDate.MIN)) {
            newest = modelList.stream().flatMap(m -> m.releaseDate().stream()).max(Comparator.naturalOrder())
                    .orElse(LocalDate.EPOCH);
        }
        Dataset.Builder dataset = Dataset.builder(new DataSnapshot(NAME, newest, origin));
        modelList.forEach(dataset::model);
        for (String id : benchmarkIds) {
            dataset.benchmark(Benchmarks.byId(id).orElseThrow());
        }
        scoreList.forEach(dataset::score);
        return new Catalog(List.of(dataset.build()), deploymentList, families.map(BundledCatalogReader::families)
                .orElse(TaskFamilies.NONE));
    }

    /** Reads a families table: one row per (family, benchmark), each with the source describing the benchmark. */
    public static TaskFamilies families(CsvTable table) {
        table.require(FAMILY_COLUMNS);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<TaskFamily.Member>> members = new LinkedHashMap<>();
        for (CsvRow row : table.rows()) {
            String id = row.requiredText("family");
            if (!FAMILY_ID.matcher(id).matches()) {
                throw row.error("family", "'" + id + "' must be lower-case letters, digits, '_' or '-'");
            }
            String name = row.requiredText("family_name");
            String previous = names.putIfAbsent(id, name);
            if (previous != null && !previous.equals(name)) {
                throw row.error("family_name", "'" + name + "' differs from '" + previous + "' given earlier for " + id);
            }
            String benchmark = Benchmarks.resolveId(row.requiredText("benchmark"));
            List<TaskFamily.Member> list = members.computeIfAbsent(id, k -> new ArrayList<>());
            if (list.stream().anyMatch(m -> m.benchmark().equals(benchmark))) {
                throw row.error("benchmark", "'" + benchmark + "' is listed twice in family " + id);
            }
            list.add(new TaskFamily.Member(benchmark, row.requiredText("source")));
        }
        List<TaskFamily> families = new ArrayList<>();
        names.forEach((id, name) -> families.add(new TaskFamily(id, name, members.get(id))));
        return new TaskFamilies(families);
    }

    private static Model model(CsvRow row) {
        String id = row.requiredText("id");
        if (!ID.matcher(id).matches()) {
            throw row.error("id", "'" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        String accessText = row.requiredText("access");
        Access access = Access.parse(accessText)
                .orElseThrow(() -> row.error("access", "'" + accessText + "' must be 'open' or 'closed'"));
        Double parameters = null;
        if (row.optionalNumber("parameters_b").isPresent()) {
            parameters = row.number("parameters_b") * 1e9;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (row.optionalNumber("active_parameters_b").isPresent()) {
            attributes.put("active_parameters", String.valueOf(row.number("active_parameters_b") * 1e9));
        }
        Optional<String> variant = row.textIfPresent("variant").filter(v -> !v.isBlank());
        if (variant.isPresent()) {
            if (!VARIANTS.contains(variant.get())) {
                throw row.error("variant", "'" + variant.get() + "' must be one of " + String.join(", ", VARIANTS));
            }
            attributes.put(Model.VARIANT, variant.get());
        }
        row.textIfPresent("base_model").filter(v -> !v.isBlank()).ifPresent(b -> attributes.put(Model.BASE_MODEL, b));
        return Model.builder(id, row.requiredText("name"))
                .organization(row.requiredText("organization"))
                .countries(Countries.parseList(row.requiredText("countries"), ';'))
                .access(access)
                .license(row.text("license"))
                .releaseDate(row.date("release_date"))
                .parameters(parameters)
                .aliases(splitList(row.text("aliases")))
                .attributes(attributes)
                .source(row.requiredText("source"))
                .build();
    }

    private static BenchmarkScore score(CsvRow row, Set<String> modelIds) {
        String modelId = row.requiredText("model_id");
        if (!modelIds.contains(modelId)) {
            throw row.error("model_id", "'" + modelId + "' is not a model in models.csv");
        }
        String benchmarkId = row.requiredText("benchmark");
        Benchmark benchmark = Benchmarks.byId(benchmarkId).orElseThrow(() -> row.error("benchmark",
                "'" + benchmarkId + "' is not a known benchmark; use one of "
                        + String.join(", ", Benchmarks.known().stream().map(Benchmark::id).toList())));
        double value = row.number("score");
        if (benchmark.scale() == dev.gapwise.catalog.Scale.ACCURACY && (value < 0 || value > 1)) {
            throw row.error("score", value + " is outside 0..1; accuracies are fractions (0.874, not 87.4)");
        }
        String version = row.textIfPresent("version").filter(v -> !v.isBlank()).orElse(modelId);
        OptionalDouble stderr = row.textIfPresent("stderr").isPresent() ? row.optionalNumber("stderr") : OptionalDouble.empty();
        return new BenchmarkScore(modelId, benchmarkId, value, Optional.of(row.date("as_of")),
                row.requiredText("source"), version, stderr);
    }

    private static Deployment deployment(CsvRow row, Set<String> modelIds) {
        String modelId = row.requiredText("model_id");
        if (!modelIds.contains(modelId)) {
            throw row.error("model_id", "'" + modelId + "' is not a model in models.csv");
        }
        String dialectText = row.requiredText("dialect");
        Dialect dialect = Dialect.parse(dialectText).orElseThrow(() -> row.error("dialect",
                "'" + dialectText + "' must be one of openai, anthropic, gemini"));
        URI baseUrl;
        try {
            baseUrl = new URI(row.requiredText("base_url"));
        } catch (URISyntaxException e) {
            throw row.error("base_url", "'" + row.text("base_url") + "' is not a URL: " + e.getReason());
        }
        if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw row.error("base_url", "'" + baseUrl + "' must be an absolute http(s) URL");
        }
        Price price;
        try {
            price = new Price(row.decimal("input_usd_per_mtok"), row.decimal("output_usd_per_mtok"));
        } catch (IllegalArgumentException e) {
            throw row.error(e.getMessage());
        }
        OptionalLong context = row.optionalNumber("context_window").isPresent()
                ? OptionalLong.of((long) row.number("context_window")) : OptionalLong.empty();
        return new Deployment(row.requiredText("id"), modelId, row.requiredText("provider"), dialect, baseUrl,
                row.requiredText("upstream_model"), region(row), price, context, row.date("price_as_of"),
                row.requiredText("source"), lifecycle(row), row.textIfPresent("region_source").orElse(""),
                DistillationTerms.bundled().forRow(row, row.requiredText("provider")));
    }

    /** The processing region: an ISO code, or {@code global} / {@code unknown}. */
    private static String region(CsvRow row) {
        String column = row.textIfPresent("region").isPresent() ? "region" : "jurisdiction";
        String text = row.textIfPresent(column).orElseThrow(() -> row.error("region",
                "no processing region; write an ISO code such as US, or global or unknown"));
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.equals(Deployment.GLOBAL) || lower.equals(Deployment.UNKNOWN_REGION)) {
            return lower;
        }
        String code = Countries.normalise(text);
        if (!code.matches("[A-Z]{2}")) {
            throw row.error(column, "'" + text + "' is not a country; write an ISO code such as US, or global or unknown");
        }
        return code;
    }

    private static Deployment.Lifecycle lifecycle(CsvRow row) {
        if (row.textIfPresent("status").filter(s -> !s.isBlank()).isEmpty()) {
            return Deployment.Lifecycle.ACTIVE_UNDATED;
        }
        String text = row.requiredText("status");
        Deployment.Status status = Deployment.Status.parse(text).orElseThrow(() -> row.error("status",
                "'" + text + "' must be active, deprecated or retired"));
        Optional<LocalDate> since = optionalDate(row, "status_since");
        Optional<LocalDate> retires = optionalDate(row, "retires_on");
        if (status == Deployment.Status.RETIRED && since.isEmpty() && retires.isEmpty()) {
            throw row.error("status", "a retired deployment needs the date it was retired (status_since or retires_on)");
        }
        if (status == Deployment.Status.ACTIVE && retires.isPresent()) {
            throw row.error("retires_on", "an active deployment has no retirement date; mark it deprecated");
        }
        return new Deployment.Lifecycle(status, since, retires, row.textIfPresent("status_source").orElse(""));
    }

    private static Optional<LocalDate> optionalDate(CsvRow row, String column) {
        return row.textIfPresent(column).filter(t -> !t.isBlank()).isPresent() ? Optional.of(row.date(column))
                : Optional.empty();
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static CsvTable resource(String file) {
        String name = RESOURCE_DIR + file;
        try (InputStream in = BundledCatalogReader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new DataFileException(name, 0, "bundled resource missing from the jar (a broken build?)");
            }
            return CsvTable.read("bundled " + name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
