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
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the bundled catalog from the classpath (or from any folder holding the same three files, so users
 * can ship their own). The snapshot date is the newest {@code as_of} of its scores and prices.
 */
public final class BundledCatalogReader {
    /** The snapshot name of the bundled catalog. */
    public static final String NAME = "Gapwise catalog";

    private static final String RESOURCE_DIR = "gapwise/catalog/";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final List<String> MODEL_COLUMNS = List.of("id", "name", "organization", "countries", "access",
            "license", "release_date", "parameters_b", "active_parameters_b", "aliases", "source");
    private static final List<String> SCORE_COLUMNS = List.of("model_id", "benchmark", "score", "as_of", "source");
    private static final List<String> DEPLOYMENT_COLUMNS = List.of("id", "model_id", "provider", "dialect", "base_url",
            "upstream_model", "jurisdiction", "input_usd_per_mtok", "output_usd_per_mtok", "context_window",
            "price_as_of", "source");

    private BundledCatalogReader() {
    }

    /** The catalog shipped in the jar. */
    public static Catalog readBundled() {
        return read(resource("models.csv"), resource("scores.csv"), resource("deployments.csv"), "bundled");
    }

    /** A catalog from three already-parsed tables; {@code origin} names where they came from. */
    public static Catalog read(CsvTable models, CsvTable scores, CsvTable deployments, String origin) {
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
        return new Catalog(List.of(dataset.build()), deploymentList);
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
        return Model.builder(id, row.requiredText("name"))
                .organization(row.requiredText("organization"))
                .countries(Countries.parseList(row.requiredText("countries"), ';'))
                .access(access)
                .license(row.text("license"))
                .releaseDate(row.date("release_date"))
                .parameters(parameters)
                .aliases(splitList(row.text("aliases")))
                .attributes(row.optionalNumber("active_parameters_b").isPresent()
                        ? java.util.Map.of("active_parameters", String.valueOf(row.number("active_parameters_b") * 1e9))
                        : java.util.Map.of())
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
        return new BenchmarkScore(modelId, benchmarkId, value, java.util.Optional.of(row.date("as_of")),
                row.requiredText("source"));
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
                row.requiredText("upstream_model"), Countries.normalise(row.requiredText("jurisdiction")), price,
                context, row.date("price_as_of"), row.requiredText("source"));
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
