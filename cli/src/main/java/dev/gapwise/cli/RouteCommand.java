package dev.gapwise.cli;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.route.PolicyPlanner;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code gapwise route "PROMPT"}: the decision the gateway would make for a request — with the same configuration,
 * so among the deployments that configuration can call — explained in words. Nothing is sent anywhere.
 */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = {"Prints the decision the gateway would make for a request and why: the tier and which source",
                "decided it (and how sure the classifier was, and which words weighed most), the complexity, the",
                "deployment it would call and its fallbacks, the estimated cost and the frontier baseline's. It",
                "reads the same configuration as 'gapwise serve' (--config, else ./gapwise.yaml, else the provider",
                "keys set in the environment) and considers only the deployments that configuration can call.",
                "Nothing is sent anywhere. --verbose lists every candidate with its checks."})
final class RouteCommand implements Runnable {
    @Parameters(paramLabel = "PROMPT", arity = "0..1", description = "The latest user message (or use --file).")
    String prompt;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the latest user message from a file.")
    Path file;

    @Mixin
    GatewayConfigOption config;

    @Option(names = "--all-deployments",
            description = "Consider every deployment of the catalog, callable or not (a what-if).")
    boolean allDeployments;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "A policy to try instead of the configuration's: a YAML or JSON file with a policy: section "
                    + "or the policy itself.")
    Path policyFile;

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Folder with models.csv, scores.csv, deployments.csv to route over instead of the bundled "
                    + "catalog (a what-if: implies --all-deployments).")
    Path catalogDir;

    @Option(names = "--lag", paramLabel = "MODEL=MONTHS", description = "A model's lag behind the frontier (repeatable).")
    Map<String, Double> lag = new LinkedHashMap<>();

    @Option(names = "--lags", paramLabel = "FILE", description = "CSV of model_id,months lags that replace the computed "
            + "ones (default: computed by the gap module from the catalog).")
    Path lagsFile;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "auto",
            description = "The model the client asks for (default: auto); a named model is checked against its tier.")
    String model;

    @Option(names = "--tier", paramLabel = "TIER", description = "A tier the client declares (the x-gapwise-tier header).")
    String tier;

    @Option(names = "--key-tier", paramLabel = "TIER", description = "The calling key's tier (a floor).")
    String keyTier;

    @Option(names = "--key-tier-fixed", description = "The key's tier is fixed (its owner vouches for its traffic).")
    boolean keyTierFixed;

    @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "Request metadata (repeatable).")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = "--system", paramLabel = "TEXT", defaultValue = "", description = "System prompt.")
    String system;

    @Option(names = "--context", paramLabel = "TEXT", defaultValue = "",
            description = "The conversation's earlier user turns (the latest one is PROMPT).")
    String context;

    @Option(names = "--turns", paramLabel = "N", description = "User turns in the conversation (default: 1, or 2 "
            + "with --context).")
    Integer turns;

    @Option(names = "--tools", description = "The request offers tools.")
    boolean tools;

    @Option(names = "--images", description = "The request carries images (a vision task for tiers with lag_by_task).")
    boolean images;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Expected output tokens (default: the policy's).")
    Long maxTokens;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    String format;

    @Option(names = {"-v", "--verbose"}, description = "Every candidate with its checks, and every reason.")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserException("--format must be text or json, got '" + format + "'");
        }
        String text = promptText();
        GatewayConfig gateway = catalogDir != null ? null : config.load();
        List<String> notes = new ArrayList<>();
        Policy policy = policy(gateway, notes);
        Catalog catalog = catalog();
        ModelLags lags = lags(policy, catalog);
        List<Deployment> deployments;
        java.util.Optional<Deployment> baseline = java.util.Optional.empty();
        if (catalogDir != null || allDeployments) {
            deployments = catalog.deployments();
            notes.add("every deployment of the catalog is considered, callable or not ("
                    + (catalogDir != null ? "--catalog" : "--all-deployments") + ")");
        } else {
            Gateway.Preview preview = Gateway.preview(gateway, catalog, System.getenv());
            deployments = preview.callable();
            // the gateway's savings baseline, when the decision can state it (it is one of the deployments considered)
            baseline = preview.reference().filter(deployments::contains);
            notes.addAll(preview.notes());
            notes.add(leftOut(catalog, deployments, gateway));
        }
        Classifiers classifiers = RoutingModels.forPolicy(policy);
        Router router = PolicyPlanner.router(policy, catalog, deployments, lags, classifiers, baseline);
        RouteRequest request = request(text);
        RouteDecision decision = router.route(request);
        PrintWriter out = spec.commandLine().getOut();
        RouteExplanation explanation = new RouteExplanation(decision, request, notes,
                classifiers.risk().weightiestWords(request.text(), decision.risk(), 5));
        if (format.equals("json")) {
            out.println(explanation.json());
        } else {
            out.print(verbose ? explanation.verbose() : explanation.compact());
            out.flush();
        }
    }

    private RouteRequest request(String text) {
        Map<String, String> headers = tier == null ? Map.of() : Map.of(RouteRequest.TIER_HEADER, tier);
        RouteRequest request = RouteRequest.of(text).withContext(context).withSystemPrompt(system)
                .withShape(turns != null ? turns : context.isBlank() ? 1 : 2, tools).withModelAlias(model)
                .withMetadata(metadata).withHeaders(headers).withMedia(images);
        if (keyTier != null) {
            request = request.withKeyTier(new RouteRequest.KeyTier(keyTier, keyTierFixed));
        } else if (keyTierFixed) {
            throw new UserException("--key-tier-fixed needs --key-tier TIER");
        }
        return maxTokens != null ? request.withExpectedOutputTokens(maxTokens) : request;
    }

    /** Why the catalog's other deployments are not considered, grouped, in one line. */
    private static String leftOut(Catalog catalog, List<Deployment> callable, GatewayConfig gateway) {
        Set<String> ids = callable.stream().map(Deployment::id).collect(Collectors.toSet());
        Map<String, List<String>> byProvider = new LinkedHashMap<>();
        for (Deployment deployment : catalog.deployments()) {
            if (!ids.contains(deployment.id()) && !gateway.providers().containsKey(deployment.provider())) {
                byProvider.computeIfAbsent(deployment.provider(), p -> new ArrayList<>()).add(deployment.id());
            }
        }
        if (byProvider.isEmpty()) {
            return "every catalog deployment of a configured provider is considered";
        }
        int count = byProvider.values().stream().mapToInt(List::size).sum();
        return "left out " + count + " catalog deployments whose provider is not configured (" + String.join(", ",
                byProvider.keySet()) + "): set its key variable or add it to gapwise.yaml; --all-deployments "
                + "considers them anyway";
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

    private Policy policy(GatewayConfig gateway, List<String> notes) {
        if (policyFile == null) {
            return gateway != null ? gateway.policy() : Policy.builtIn();
        }
        try {
            JsonNode tree = new YAMLMapper().readTree(policyFile.toFile());
            if (tree == null || !tree.isObject()) {
                throw new UserException(policyFile + ": not a policy (expected a YAML or JSON object)");
            }
            if (tree.has("policy")) {
                return PolicyParser.parse(tree.get("policy"));
            }
            if (!tree.has("tiers")) {
                notes.add(policyFile + " has no policy: section; the built-in policy applies");
                return Policy.builtIn();
            }
            return PolicyParser.parse(tree);
        } catch (PolicyException e) {
            throw new UserException(policyFile + ": " + e.getMessage());
        } catch (tools.jackson.core.JacksonException e) {
            throw new UserException(policyFile + ": not valid YAML or JSON: " + e.getOriginalMessage());
        }
    }

    private ModelLags lags(Policy policy, Catalog catalog) {
        Map<String, Double> months = new HashMap<>();
        if (lagsFile != null) {
            for (CsvRow row : CsvTable.read(lagsFile).require("model_id", "months").rows()) {
                months.put(row.requiredText("model_id"), row.number("months"));
            }
        }
        months.putAll(lag);
        String index = policy.tiers().values().iterator().next().eligibility().lagIndex();
        ModelLags given = months.isEmpty() ? ModelLags.none()
                : ModelLags.of(index, "given on the command line", lagsFile != null ? lagsFile.toString() : "--lag",
                months);
        return FrontierLags.of(catalog).overriddenBy(given);
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
