package dev.gapwise.gateway.config;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.routing.policy.Policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole, validated gateway configuration. Immutable and thread-safe.
 *
 * @param server             where to listen
 * @param auth               whether clients need a virtual key
 * @param providers          upstream providers by name, in file order
 * @param deployments        deployments written in the file
 * @param catalogDeployments also use the catalog's deployments of every configured provider
 * @param reference          id of the deployment that savings are measured against; empty = the cheapest
 *                           callable deployment of the model nearest the frontier
 * @param ledger             where rows and keys are stored
 * @param retry              retries per deployment and backoff
 * @param timeouts           upstream time limits
 * @param policy             the routing policy: tiers, eligibility, objectives, rules
 * @param access             who may read /metrics, /v1/models and /readyz once keys are in use
 * @param spend              prices beyond the catalog's, budgets, rate limits and the shared Redis
 * @param modelAliases       model names clients send mapped to the model, deployment or {@code auto} that serves
 *                           them; a name ending in {@code *} is a prefix ({@code claude-sonnet-4-5*})
 * @param telemetry          OpenTelemetry span export (off by default)
 */
public record GatewayConfig(ServerConfig server, AuthMode auth, Map<String, ProviderConfig> providers,
                            List<Deployment> deployments, boolean catalogDeployments, Optional<String> reference,
                            LedgerConfig ledger, RetryPolicy retry, Timeouts timeouts, Policy policy,
                            EndpointAccess access, SpendConfig spend, Map<String, String> modelAliases,
                            TelemetryConfig telemetry) {
    public GatewayConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(auth, "auth");
        providers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(providers));
        deployments = List.copyOf(deployments);
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(spend, "spend");
        modelAliases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modelAliases));
        Objects.requireNonNull(telemetry, "telemetry");
    }

    /** A configuration without model aliases or telemetry. */
    public GatewayConfig(ServerConfig server, AuthMode auth, Map<String, ProviderConfig> providers,
                         List<Deployment> deployments, boolean catalogDeployments, Optional<String> reference,
                         LedgerConfig ledger, RetryPolicy retry, Timeouts timeouts, Policy policy,
                         EndpointAccess access, SpendConfig spend) {
        this(server, auth, providers, deployments, catalogDeployments, reference, ledger, retry, timeouts, policy,
                access, spend, Map.of(), TelemetryConfig.OFF);
    }

    /** A configuration with defaults everywhere and these providers. */
    public static GatewayConfig of(Map<String, ProviderConfig> providers) {
        return new GatewayConfig(ServerConfig.DEFAULT, AuthMode.AUTO, providers, List.of(), true, Optional.empty(),
                LedgerConfig.DEFAULT, RetryPolicy.DEFAULT, Timeouts.DEFAULT, Policy.builtIn(), EndpointAccess.DEFAULT,
                SpendConfig.DEFAULT);
    }

    public GatewayConfig withServer(ServerConfig value) {
        return new GatewayConfig(value, auth, providers, deployments, catalogDeployments, reference, ledger, retry,
                timeouts, policy, access, spend, modelAliases, telemetry);
    }

    public GatewayConfig withSpend(SpendConfig value) {
        return new GatewayConfig(server, auth, providers, deployments, catalogDeployments, reference, ledger, retry,
                timeouts, policy, access, value, modelAliases, telemetry);
    }

    public GatewayConfig withTelemetry(TelemetryConfig value) {
        return new GatewayConfig(server, auth, providers, deployments, catalogDeployments, reference, ledger, retry,
                timeouts, policy, access, spend, modelAliases, value);
    }

    public GatewayConfig withAuth(AuthMode value) {
        return new GatewayConfig(server, value, providers, deployments, catalogDeployments, reference, ledger, retry,
                timeouts, policy, access, spend, modelAliases, telemetry);
    }
}

