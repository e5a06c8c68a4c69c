package dev.gapwise.cli;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;
import dev.gapwise.routing.Classifiers;
import dev.gapwise.routing.FrontierLags;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.routing.RouteDecision;
import dev.gapwise.routing.RouteRequest;
import dev.gapwise.routing.Router;
import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.policy.PolicyException;
import dev.gapwise.routing.policy.PolicyParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code gapwise route "PROMPT"}: explains where a request would go and why. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = {"Explains a routing decision: the tier and which source decided it, the complexity, every",
                "deployment with its lag, price and why it is eligible or not, the choice, its estimated cost and",
                "the frontier baseline's. Nothing is sent anywhere."})
final class RouteCommand implements Runnable {
    @Parameters(paramLabel = "PROMPT", arity = "0..1", description = "The user prompt (or use --file).")
    String prompt;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the prompt from a file.")
    Path file;

    @Option(names = "--system", paramLabel = "TEXT", defaultValue = "", description = "System prompt.")
    String system;

    @Option(names = "--tier", paramLabel = "TIER", description = "Declare a tier, as the x-gapwise-tier header does.")
    String tier;

    @Option(names = "--api-key-tier", paramLabel = "TIER", description = "The calling API key's default tier.")
    String apiKeyTier;

    @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "Request metadata (repeatable).")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = "--model", paramLabel = "ALIAS", defaultValue = "auto", description = "Model alias asked for (default: auto).")
    String model;

    @Option(names = "--turns", paramLabel = "N", defaultValue = "1", description = "User turns in the conversation.")
    int turns;

    @Option(names = "--tools", description = "The request offers tools.")
    boolean tools;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Expected output tokens (default: the policy's).")
    Long maxTokens;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "gapwise.yaml (its policy: section) or a policy file in YAML or JSON (default: built-in).")
    Path policyFile;

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Folder with models.csv, scores.csv, deployments.csv (default: the bundled catalog).")
    Path catalogDir;

    @Option(names = "--lag", paramLabel = "MODEL=MONTHS", description = "A model's lag behind the frontier (repeatable).")
    Map<String, Double> lag = new LinkedHashMap<>();

    @Option(names = "--lags", paramLabel = "FILE", description = "CSV of model_id,months lags that replace the computed ones (default: computed by the gap "
                    + "module from the catalog: months since the frontier reached each model's score).")
    Path lagsFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    String format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserException("--format must be text or json, got '" + format + "'");
        }
        String text = promptText();
        Policy policy = policy();
        Map<String, Double> months = new HashMap<>();
        if (lagsFile != null) {
            for (CsvRow row : CsvTable.read(lagsFile).require("model_id", "months").rows()) {
                months.put(row.requiredText("model_id"), row.number("months"));
            }
        }
        months.putAll(lag);
        String index = policy.tiers().values().iterator().next().eligibility().lagIndex();
        Catalog catalog = catalog();
        ModelLags given = months.isEmpty() ? ModelLags.none()
                : ModelLags.of(index, "given on the command line", lagsFile != null ? lagsFile.toString() : "--lag", months);
        ModelLags lags = FrontierLags.of(catalog).overriddenBy(given);
        Router router = new Router(policy, catalog, lags, Classifiers.bundled());
        RouteRequest request = RouteRequest.of(text).withSystemPrompt(system).withShape(turns, tools)
                .withModelAlias(model).withMetadata(metadata)
                .withHeaders(tier == null ? Map.of() : Map.of(RouteRequest.TIER_HEADER, tier));
        if (apiKeyTier != null) {
            request = request.withApiKeyTier(apiKeyTier);
        }
        if (maxTokens != null) {
            request = request.withExpectedOutputTokens(maxTokens);
        }
        RouteDecision decision = router.route(request);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(RouteExplanation.json(decision, request));
        } else {
            out.print(RouteExplanation.text(decision, request));
            out.flush();
        }
    }

    private String promptText() {
        if ((prompt == null) == (file == null)) {
            throw new UserException("give the prompt as an argument or with --file FILE (exactly one)");
        }
        if (file == null) {
            return prompt;
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private Policy policy() {
        if (policyFile == null) {
            return Policy.builtIn();
        }
        try {
            JsonNode tree = new YAMLMapper().readTree(policyFile.toFile());
            JsonNode policy = tree.has("policy") ? tree.get("policy") : tree;
            return PolicyParser.parse(policy);
        } catch (PolicyException e) {
            throw new UserException(policyFile + ": " + e.getMessage());
        } catch (tools.jackson.core.JacksonException e) {
            throw new UserException(policyFile + ": not valid YAML or JSON: " + e.getOriginalMessage());
        }
    }

    private Catalog catalog() {
        if (catalogDir != null) {
            return BundledCatalogReader.read(CsvTable.read(catalogDir.resolve("models.csv")),
                    CsvTable.read(catalogDir.resolve("scores.csv")), CsvTable.read(catalogDir.resolve("deployments.csv")),
                    catalogDir.toString());
        }
        try {
            return BundledCatalogReader.readBundled();
        } catch (DataFileException e) {
            throw new UserException("the bundled catalog cannot be read (" + e.getMessage() + "); pass --catalog DIR "
                    + "with models.csv, scores.csv and deployments.csv, e.g. --catalog docs/examples/route-catalog");
        }
    }
}
