package dev.gapwise.gateway.config;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.catalog.Price;
import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.policy.PolicyException;
import dev.gapwise.routing.policy.PolicyParser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code gapwise.yaml}: parses it, rejects unknown keys, checks every value, and returns an immutable
 * {@link GatewayConfig}. Every error names the key path, the bad value and the fix. Stateless.
 */
public final class ConfigLoader {
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([^}]*)}");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ConfigLoader() {
    }

    /** Reads and validates a configuration file. */
    public static GatewayConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot read the file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Validates configuration text; {@code origin} names it in messages. */
    public static GatewayConfig parse(String text, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new ConfigException(origin, "not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return GatewayConfig.of(Map.of());
        }
        ConfigNode top = new ConfigNode("", root);
        top.only("server", "auth", "providers", "deployments", "catalog_deployments", "reference", "ledger",
                "retry", "timeouts", "policy", "endpoint_access", "admin_key", "prices", "budgets", "limits", "redis",
                "model_aliases", "telemetry", "shadow", "embeddings");
        ServerConfig server = server(top.child("server"));
        AuthMode auth = top.optionalText("auth").map(v -> switch (v) {
            case "auto" -> AuthMode.AUTO;
            case "required" -> AuthMode.REQUIRED;
            case "none" -> AuthMode.NONE;
            default -> throw top.error("auth", "'" + v + "' must be one of auto, required, none");
        }).orElse(AuthMode.AUTO);
        Map<String, ProviderConfig> providers = providers(top.child("providers"));
        SpendConfigReader.FromDeployments fromDeployments = new SpendConfigReader.FromDeployments(new HashMap<>(),
                new HashSet<>(), new HashMap<>());
        List<Deployment> deployments = deployments(top.child("deployments"), providers, fromDeployments);
        boolean catalog = top.optionalBoolean("catalog_deployments").orElse(true);
        Optional<String> reference = top.optionalText("reference");
        LedgerConfig ledger = ledger(top.child("ledger"));
        ConfigNode retryNode = top.child("retry");
        retryNode.only("attempts_per_deployment", "base_delay", "max_delay");
        int attempts = retryNode.optionalInt("attempts_per_deployment").orElse(RetryPolicy.DEFAULT.attemptsPerDeployment());
        if (attempts < 1 || attempts > 10) {
            throw retryNode.error("attempts_per_deployment", attempts + " must be between 1 and 10");
        }
        RetryPolicy retry = new RetryPolicy(attempts,
                retryNode.optionalDuration("base_delay").orElse(RetryPolicy.DEFAULT.baseDelay()),
                retryNode.optionalDuration("max_delay").orElse(RetryPolicy.DEFAULT.maxDelay()));
        ConfigNode timeoutNode = top.child("timeouts");
        timeoutNode.only("connect", "first_byte", "total");
        Timeouts timeouts = new Timeouts(
                timeoutNode.optionalDuration("connect").orElse(Timeouts.DEFAULT.connect()),
                timeoutNode.optionalDuration("first_byte").orElse(Timeouts.DEFAULT.firstByte()),
                timeoutNode.optionalDuration("total").orElse(Timeouts.DEFAULT.total()));
        Optional<SecretRef> adminKey = top.optionalText("admin_key").map(value -> secret(top, "admin_key", value));
        Policy policy = policy(root.path("policy"));
        return new GatewayConfig(server, auth, providers, deployments, catalog, reference, ledger, retry, timeouts,
                policy, access(top.child("endpoint_access"), adminKey),
                SpendConfigReader.read(top, fromDeployments, policy), modelAliases(top.child("model_aliases")),
                TelemetryConfigReader.read(top), ShadowConfigReader.read(top.child("shadow"), policy),
                EmbeddingsConfigReader.read(top.child("embeddings"), providers, policy));
    }

    /**
     * {@code model_aliases:} name → model, deployment id or {@code auto}; a name ending in {@code *} is a prefix.
     * Both sides are non-blank; an alias may not name another alias (one hop, no loops).
     */
    private static Map<String, String> modelAliases(ConfigNode node) {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String name : node.keys()) {
            String target = node.optionalText(name).map(String::strip).filter(t -> !t.isEmpty())
                    .orElseThrow(() -> node.error(name, "must name the model, deployment id or \"auto\" that serves it"));
            if (name.isBlank() || name.equals("*")) {
                throw node.error(name, "an alias needs a name (a prefix ends in *, e.g. claude-sonnet-4-5*)");
            }
            aliases.put(name.strip(), target);
        }
        aliases.forEach((name, target) -> {
            if (aliases.containsKey(target)) {
                throw node.error(name, "names the alias '" + target + "'; name the model it stands for instead");
            }
        });
        return aliases;
    }

    /** The routing policy ({@code policy:}), or the built-in one when the file has none. */
    private static Policy policy(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Policy.builtIn();
        }
        try {
            return PolicyParser.parse(node);
        } catch (PolicyException e) {
            String problem = e.getMessage().startsWith(e.path() + ": ")
                    ? e.getMessage().substring(e.path().length() + 2) : e.getMessage();
            throw new ConfigException(e.path(), problem);
        }
    }

    private static EndpointAccess access(ConfigNode node, Optional<SecretRef> adminKey) {
        node.only("metrics", "models", "readyz");
        EndpointAccess defaults = EndpointAccess.DEFAULT;
        return new EndpointAccess(access(node, "metrics", defaults.metrics()), access(node, "models", defaults.models()),
                access(node, "readyz", defaults.readyz()), adminKey);
    }

    private static EndpointAccess.Access access(ConfigNode node, String name, EndpointAccess.Access fallback) {
        return node.optionalText(name).map(text -> switch (text) {
            case "admin" -> EndpointAccess.Access.ADMIN;
            case "key" -> EndpointAccess.Access.KEY;
            case "open" -> EndpointAccess.Access.OPEN;
            default -> throw node.error(name, "'" + text + "' must be one of admin, key, open");
        }).orElse(fallback);
    }

    private static ServerConfig server(ConfigNode node) {
        node.only("host", "port", "max_body_bytes", "max_inflight_body_bytes", "body_timeout", "shutdown_grace");
        int port = node.optionalInt("port").orElse(ServerConfig.DEFAULT.port());
        if (port < 0 || port > 65535) {
            throw node.error("port", port + " must be between 0 and 65535");
        }
        int maxBody = node.optionalInt("max_body_bytes").orElse(ServerConfig.DEFAULT.maxBodyBytes());
        if (maxBody < 1024) {
            throw node.error("max_body_bytes", maxBody + " is too small; use at least 1024");
        }
        long inflight = node.optionalLong("max_inflight_body_bytes").orElse(ServerConfig.DEFAULT.maxInflightBodyBytes());
        if (inflight != 0 && inflight < maxBody) {
            throw node.error("max_inflight_body_bytes", inflight + " is smaller than max_body_bytes (" + maxBody
                    + "); use at least that, or 0 for a quarter of the heap");
        }
        return new ServerConfig(node.optionalText("host").orElse(ServerConfig.DEFAULT.host()), port, maxBody, inflight,
                node.optionalDuration("body_timeout").orElse(ServerConfig.DEFAULT.bodyTimeout()),
                node.optionalDuration("shutdown_grace").orElse(ServerConfig.DEFAULT.shutdownGrace()));
    }

    /** The dialects the gateway can call, as a config value would name them ({@code openai or anthropic}). */
    private static String callableDialects() {
        return String.join(" or ", java.util.Arrays.stream(Dialect.values())
                .filter(d -> DialectKind.upstreamOf(d).isPresent()).map(Dialect::id).toList());
    }

    private static Map<String, ProviderConfig> providers(ConfigNode node) {
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        for (String name : node.keys()) {
            ConfigNode provider = node.child(name);
            provider.only("dialect", "base_url", "api_key", "discover_models");
            Optional<KnownProviders.Row> known = KnownProviders.byName(name);
            Dialect dialect = provider.optionalText("dialect").map(text -> Dialect.parse(text)
                            .filter(d -> DialectKind.upstreamOf(d).isPresent())
                            .orElseThrow(() -> provider.error("dialect", "'" + text + "' must be " + callableDialects())))
                    .or(() -> known.map(KnownProviders.Row::dialect))
                    .orElseThrow(() -> provider.error("dialect", "missing; write " + callableDialects()));
            URI baseUrl = provider.optionalText("base_url").or(() -> known.map(KnownProviders.Row::baseUrl))
                    .map(text -> url(provider, text))
                    .orElseThrow(() -> provider.error("base_url", "missing; write the API base, e.g. https://host/v1"));
            Optional<SecretRef> key = provider.optionalText("api_key").map(text -> secret(provider, "api_key", text));
            providers.put(name, new ProviderConfig(name, dialect, baseUrl, key,
                    provider.optionalBoolean("discover_models").orElse(false)));
        }
        return providers;
    }

    private static SecretRef secret(ConfigNode node, String name, String text) {
        Matcher matcher = ENV_REF.matcher(text.strip());
        if (!matcher.matches() || !SecretRef.NAME.matcher(matcher.group(1)).matches()) {
            throw node.error(name, "write the environment variable that holds the key, e.g. "
                    + "${OPENAI_API_KEY}; keys are never written in the file (the value given is not shown)");
        }
        return new SecretRef(matcher.group(1));
    }

    private static URI url(ConfigNode node, String text) {
        try {
            URI uri = new URI(text.strip().replaceAll("/+$", ""));
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw node.error("base_url", "'" + text + "' must be an absolute http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw node.error("base_url", "'" + text + "' is not a URL: " + e.getReason());
        }
    }

    /** The provider a deployment row names, which must be configured under {@code providers:}. */
    static ProviderConfig providerOf(ConfigNode row, String providerName, Map<String, ProviderConfig> providers) {
        ProviderConfig provider = providers.get(providerName);
        if (provider == null) {
            throw row.error("provider", "'" + providerName + "' is not under providers; add it there or use one of "
                    + providers.keySet());
        }
        return provider;
    }

    /**
     * A deployment row's id ({@code model@provider} unless written), added to {@code ids}; refused when another row
     * of the same list ({@code list}, e.g. "deployments") has it.
     */
    static String deploymentId(ConfigNode row, String model, String providerName, Set<String> ids, String list) {
        String id = row.optionalText("id").orElse(model + "@" + providerName);
        if (!ids.add(id)) {
            throw row.error("id", "'" + id + "' is used by two " + list + "; give each a distinct id");
        }
        return id;
    }

    private static List<Deployment> deployments(ConfigNode node, Map<String, ProviderConfig> providers,
                                                SpendConfigReader.FromDeployments extras) {
        List<Deployment> deployments = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            ConfigNode row = node.element(i);
            row.only("id", "model", "provider", "upstream_model", "price", "jurisdiction", "context_window",
                    "max_output_tokens", "distillation", "distillation_source");
            String model = row.requiredText("model");
            String providerName = row.requiredText("provider");
            ProviderConfig provider = providerOf(row, providerName, providers);
            String id = deploymentId(row, model, providerName, ids, "deployments");
            // a deployment written without a price has an unknown cost: routed last, refused under a budget, and
            // its rows flagged, never recorded as $0 (the placeholder list price below is never billed)
            Price listPrice = Price.of("0", "0");
            if (row.has("price")) {
                PriceOverride price = SpendConfigReader.price(row.child("price"), true);
                try {
                    listPrice = new Price(price.input().orElseThrow(), price.output().orElseThrow());
                } catch (IllegalArgumentException e) {
                    throw row.error("price", e.getMessage());
                }
                extras.prices().put(id, price);
            } else {
                extras.unpriced().add(id);
            }
            row.optionalInt("max_output_tokens").ifPresent(max -> {
                if (max < 1) {
                    throw row.error("max_output_tokens", max + " must be at least 1");
                }
                extras.outputCeilings().put(id, (long) max);
            });
            OptionalLong context = row.optionalInt("context_window").map(v -> OptionalLong.of(v)).orElse(OptionalLong.empty());
            deployments.add(new Deployment(id, model, providerName, provider.dialect(), provider.baseUrl(),
                    row.optionalText("upstream_model").orElse(model), row.optionalText("jurisdiction").orElse("unknown"),
                    listPrice, context, LocalDate.EPOCH, "gapwise.yaml").withDistillation(distillation(row)));
        }
        return deployments;
    }

    /** A written deployment's distillation terms: unknown unless the file says, with the terms' source. */
    private static dev.gapwise.catalog.Distillation distillation(ConfigNode row) {
        Optional<String> text = row.optionalText("distillation");
        if (text.isEmpty()) {
            return dev.gapwise.catalog.Distillation.UNKNOWN;
        }
        dev.gapwise.catalog.Distillation.Terms terms = dev.gapwise.catalog.Distillation.Terms.parse(text.get())
                .orElseThrow(() -> row.error("distillation", "'" + text.get()
                        + "' must be one of allowed, disallowed, unknown"));
        String source = row.optionalText("distillation_source").orElse("");
        if (terms != dev.gapwise.catalog.Distillation.Terms.UNKNOWN && source.isBlank()) {
            throw row.error("distillation_source", "is missing; name the terms that say " + terms.id()
                    + " (e.g. the licence of your self-hosted model)");
        }
        return new dev.gapwise.catalog.Distillation(terms, source.isBlank() ? "not checked" : source);
    }

    private static LedgerConfig ledger(ConfigNode node) {
        node.only("url", "pending_file", "batch_window", "fsync", "responses_retention");
        String url = node.optionalText("url").orElse(LedgerConfig.DEFAULT.jdbcUrl());
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw node.error("url", "'" + LedgerConfig.DEFAULT.withUrl(url).redactedUrl()
                    + "' must start with jdbc:sqlite: or jdbc:postgresql:");
        }
        Path pending = node.optionalText("pending_file").map(Path::of).orElseGet(() -> url.startsWith("jdbc:sqlite:")
                ? Path.of(url.substring("jdbc:sqlite:".length()).replaceAll("\\?.*", "") + ".pending")
                : LedgerConfig.DEFAULT.pendingFile());
        return new LedgerConfig(url, pending, node.optionalDuration("batch_window").orElse(LedgerConfig.DEFAULT.batchWindow()),
                node.optionalBoolean("fsync").orElse(false), responsesRetention(node));
    }

    private static java.time.Duration responsesRetention(ConfigNode node) {
        // days are the natural unit of a retention; the other units are the usual durations
        Optional<String> days = node.optionalText("responses_retention").filter(text -> text.strip().matches("\\d{1,5}d"));
        java.time.Duration retention = days.isPresent()
                ? java.time.Duration.ofDays(Long.parseLong(days.get().strip().replace("d", "")))
                : node.optionalDuration("responses_retention").orElse(LedgerConfig.DEFAULT.responsesRetention());
        if (retention.compareTo(java.time.Duration.ofMinutes(1)) < 0) {
            throw node.error("responses_retention", "'" + retention + "' is shorter than a minute; stored responses "
                    + "would vanish between turns (write e.g. 30d, or 1h)");
        }
        return retention;
    }
}
