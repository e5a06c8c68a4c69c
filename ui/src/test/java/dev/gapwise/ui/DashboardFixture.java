package dev.gapwise.ui;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.config.ConfigLoader;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.spend.AllowanceStore;
import dev.gapwise.gateway.spend.Scope;
import dev.gapwise.gateway.spend.SpendSpecs;
import dev.gapwise.routing.Classifiers;
import dev.gapwise.routing.FrontierLags;
import dev.gapwise.routing.Router;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A gateway as {@code gapwise serve} runs it — the bundled catalog, the dashboard mounted at /ui — on 127.0.0.1 with
 * an ephemeral port, a ledger seeded with random traffic of two virtual keys (one of them an admin key) and of
 * requests without a key, over the last 20 days. Its providers point at a closed port: the dashboard reads, nothing
 * is called.
 */
public final class DashboardFixture implements AutoCloseable {
    public final Gateway gateway;
    public final Dashboard dashboard;
    public final String adminKey;
    public final String userKey;
    public final String userKeyId;
    public final List<LedgerRows.Row> rows;

    private DashboardFixture(Gateway gateway, Dashboard dashboard, String adminKey, String userKey, String userKeyId,
                             List<LedgerRows.Row> rows) {
        this.gateway = gateway;
        this.dashboard = dashboard;
        this.adminKey = adminKey;
        this.userKey = userKey;
        this.userKeyId = userKeyId;
        this.rows = rows;
    }

    static String yaml(Path dir, String jdbcUrl) {
        return """
                server:
                  host: 127.0.0.1
                  port: 0
                providers:
                  openai: {dialect: openai, base_url: "http://127.0.0.1:9/v1", api_key: "${FIXTURE_KEY}"}
                  anthropic: {dialect: anthropic, base_url: "http://127.0.0.1:9", api_key: "${FIXTURE_KEY}"}
                  deepseek: {dialect: openai, base_url: "http://127.0.0.1:9/v1", api_key: "${FIXTURE_KEY}"}
                  dashscope: {dialect: openai, base_url: "http://127.0.0.1:9/v1", api_key: "${FIXTURE_KEY}"}
                  ollama: {dialect: openai, base_url: "http://127.0.0.1:9/v1"}
                deployments:
                  - {id: gpt-4o@openai, model: gpt-4o, provider: openai, price: {input: 2.50, output: 10.00}, jurisdiction: US}
                  - {id: claude-sonnet@anthropic, model: claude-sonnet, provider: anthropic, price: {input: 3.00, output: 15.00}, jurisdiction: US}
                  - {id: deepseek-v3@deepseek, model: deepseek-v3, provider: deepseek, price: {input: 0.27, output: 1.10}, jurisdiction: CN}
                  - {id: qwen-max@dashscope, model: qwen-max, provider: dashscope, price: {input: 1.60, output: 6.40}, jurisdiction: CN}
                  - {id: llama-local@ollama, model: llama-local, provider: ollama, jurisdiction: US}
                catalog_deployments: false
                reference: gpt-4o@openai
                ledger:
                  url: %s
                  pending_file: %s
                policy:
                  tiers:
                    critical: {max_lag_months: 6, allow_unknown_lag: true, objective: cheapest}
                    elevated: {max_lag_months: 12, allow_unknown_lag: true, objective: cheapest}
                    routine: {allow_unknown_lag: true, objective: cheapest}
                  classifier:
                    high_stakes: critical
                  default_tier: routine
                """.formatted(jdbcUrl, dir.resolve("ledger.pending"));
    }

    /** A new user's first start: no key, an empty ledger (auth is off, so only loopback browsers get in). */
    public static DashboardFixture fresh(Path dir, String jdbcUrl) throws Exception {
        GatewayConfig config = ConfigLoader.parse(yaml(dir, jdbcUrl), "fixture");
        Catalog catalog = BundledCatalogReader.readBundled();
        Gateway gateway = Gateway.start(config, catalog, Map.of("FIXTURE_KEY", "sk-fixture-SECRET"),
                InstantSource.system());
        Dashboard dashboard = Dashboard.mount(gateway, catalog, config.policy(), Optional.empty(), InstantSource.system());
        return new DashboardFixture(gateway, dashboard, null, null, null, List.of());
    }

    /** Starts the gateway and dashboard and seeds {@code requests} random requests. */
    public static DashboardFixture start(Path dir, String jdbcUrl, int requests, long seed) throws Exception {
        GatewayConfig config = ConfigLoader.parse(yaml(dir, jdbcUrl), "fixture");
        Catalog catalog = BundledCatalogReader.readBundled();
        Gateway gateway = Gateway.start(config, catalog, Map.of("FIXTURE_KEY", "sk-fixture-SECRET"),
                InstantSource.system());
        try {
            VirtualKeys keys = gateway.keys();
            VirtualKeys.Created admin = keys.create("ops-admin", Optional.empty());
            keys.makeAdmin(admin.record().id());
            VirtualKeys.Created user = keys.create("alice-crm", Optional.of("routine"));
            AllowanceStore allowances = new AllowanceStore(gateway.database(), InstantSource.system());
            allowances.createTeam("growth");
            allowances.join("growth", user.record().id());
            allowances.setBudget(Scope.KEY, user.record().id(), SpendSpecs.budget("0.02/month").orElseThrow(),
                    java.time.ZoneOffset.UTC);
            allowances.setBudget(Scope.TEAM, "growth", SpendSpecs.budget("5/day:soft").orElseThrow(),
                    java.time.ZoneId.of("Europe/Paris"));
            gateway.refresh();
            // as gapwise serve wires it: a router over the callable deployments prices other tiers' choices
            Catalog callable = new Catalog(catalog.datasets(), gateway.callable(), catalog.families());
            Router router = new Router(config.policy(), callable, FrontierLags.of(catalog), Classifiers.bundled());
            Dashboard dashboard = Dashboard.mount(gateway, catalog, config.policy(), Optional.of(router),
                    InstantSource.system());
            Instant now = Instant.now();
            List<LedgerRows.Row> rows = LedgerRows.random(new Random(seed), requests, now.minusSeconds(20 * 86_400L),
                    20 * 86_400L - 3_600, List.of(user.record().id(), "key_other1", "key_other2"));
            try (Connection connection = gateway.database().connection()) {
                LedgerRows.insert(connection, rows);
            }
            return new DashboardFixture(gateway, dashboard, admin.key(), user.key(), user.record().id(), rows);
        } catch (Exception e) {
            gateway.close();
            throw e;
        }
    }

    public URI uri(String path) {
        return gateway.uri().resolve(path);
    }

    @Override
    public void close() {
        gateway.close();
        dashboard.close();
    }
}
