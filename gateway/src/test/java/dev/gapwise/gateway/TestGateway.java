package dev.gapwise.gateway;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gateway.config.ConfigLoader;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.fake.FakeUpstream;
import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gateway in front of a fake upstream, both on 127.0.0.1, with a small catalog of three deployments: {@code
 * cheap-model} (OpenAI dialect, cheapest), {@code claude-fake} (Anthropic dialect) and {@code frontier-model}
 * (the reference).
 */
public final class TestGateway implements AutoCloseable {
    public static final String OPENAI_KEY = "sk-fake-openai-SECRET-0001";
    public static final String ANTHROPIC_KEY = "sk-ant-fake-SECRET-0002";

    public final FakeUpstream upstream;
    public final Gateway gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestGateway(FakeUpstream upstream, Gateway gateway) {
        this.upstream = upstream;
        this.gateway = gateway;
    }

    /** The YAML of the test configuration; {@code extra} is appended at the top level. */
    public static String yaml(URI upstream, Path dir, String extra) {
        return """
                server:
                  host: 127.0.0.1
                  port: 0
                  max_body_bytes: 65536
                  body_timeout: 2s
                  shutdown_grace: 2s
                providers:
                  fakeai:
                    dialect: openai
                    base_url: %1$s
                    api_key: ${FAKE_OPENAI_KEY}
                  fakeanthropic:
                    dialect: anthropic
                    base_url: %1$s
                    api_key: ${FAKE_ANTHROPIC_KEY}
                deployments:
                  - id: cheap@fakeai
                    model: cheap-model
                    provider: fakeai
                    upstream_model: cheap-upstream
                    price: {input: 0.10, output: 0.20}
                    jurisdiction: US
                  - id: claude@fakeanthropic
                    model: claude-fake
                    provider: fakeanthropic
                    upstream_model: claude-upstream
                    price: {input: 3.00, output: 15.00}
                    jurisdiction: US
                  - id: frontier@fakeai
                    model: frontier-model
                    provider: fakeai
                    price: {input: 10.00, output: 30.00}
                    jurisdiction: US
                reference: frontier@fakeai
                catalog_deployments: false
                ledger:
                  url: jdbc:sqlite:%2$s/ledger.db
                retry:
                  attempts_per_deployment: 2
                  base_delay: 10ms
                  max_delay: 2s
                timeouts:
                  connect: 1s
                  first_byte: 2s
                  total: 10s
                %3$s
                %4$s
                """.formatted(upstream, dir, extra, extra.contains("policy:") ? "" : PERMISSIVE_POLICY);
    }

    /**
     * Tiers with no constraints: the gateway's own tests exercise proxying, not the policy (which
     * {@code PolicyRoutingTest} and the routing module's tests cover), and their catalog has no lags.
     */
    public static final String PERMISSIVE_POLICY = """
            policy:
              tiers:
                critical:
                  allow_unknown_lag: true
                  objective: cheapest
                routine:
                  allow_unknown_lag: true
                  objective: cheapest
              classifier:
                high_stakes: routine
              default_tier: routine
            """;

    public static Map<String, String> environment() {
        return Map.of("FAKE_OPENAI_KEY", OPENAI_KEY, "FAKE_ANTHROPIC_KEY", ANTHROPIC_KEY);
    }

    public static TestGateway start(Path dir) {
        return start(dir, "");
    }

    public static TestGateway start(Path dir, String extraYaml) {
        return start(dir, extraYaml, new Catalog(List.of(), List.of()));
    }

    /** A gateway whose configuration is the test YAML changed by {@code edit} (to drop or alter a part). */
    public static TestGateway start(Path dir, String extraYaml, java.util.function.UnaryOperator<String> edit) {
        FakeUpstream upstream = FakeUpstream.start();
        GatewayConfig config = ConfigLoader.parse(edit.apply(yaml(upstream.baseUrl(), dir, extraYaml)), "test");
        return new TestGateway(upstream, Gateway.start(config, new Catalog(List.of(), List.of()), environment(),
                InstantSource.system()));
    }

    /** A gateway over the fake upstream whose models' facts (scores, countries) come from {@code catalog}. */
    public static TestGateway start(Path dir, String extraYaml, Catalog catalog) {
        FakeUpstream upstream = FakeUpstream.start();
        GatewayConfig config = ConfigLoader.parse(yaml(upstream.baseUrl(), dir, extraYaml), "test");
        return new TestGateway(upstream, Gateway.start(config, catalog, environment(), InstantSource.system()));
    }

    /** A gateway whose ledger is at {@code jdbcUrl} instead of the folder's SQLite file. */
    public static TestGateway startWithLedger(Path dir, String jdbcUrl, String extraYaml) {
        FakeUpstream upstream = FakeUpstream.start();
        GatewayConfig config = ConfigLoader.parse(withLedger(yaml(upstream.baseUrl(), dir, extraYaml), dir, jdbcUrl),
                "test");
        return new TestGateway(upstream, Gateway.start(config, new Catalog(List.of(), List.of()), environment(),
                InstantSource.system()));
    }

    /** The test YAML with the ledger at {@code jdbcUrl}, its pending file still in {@code dir}. */
    public static String withLedger(String yaml, Path dir, String jdbcUrl) {
        return yaml.replace("  url: jdbc:sqlite:" + dir + "/ledger.db",
                "  url: " + jdbcUrl + "\n  pending_file: " + dir.resolve("ledger.pending"));
    }

    public URI uri(String path) {
        return gateway.uri().resolve(path);
    }

    /** POSTs JSON and returns the response with its body as text. */
    public HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        return Json.MAPPER.readTree(text);
    }

    /** An OpenAI chat request with one user message. */
    public static String openAiChat(String model, boolean stream) {
        return """
                {"model":"%s","stream":%s,"messages":[{"role":"user","content":"Say hello"}]}""".formatted(model, stream);
    }

    /** An Anthropic messages request with one user message. */
    public static String anthropicChat(String model, boolean stream) {
        return """
                {"model":"%s","max_tokens":100,"stream":%s,"messages":[{"role":"user","content":"Say hello"}]}"""
                .formatted(model, stream);
    }

    /** The ledger's rows, oldest first, each as column → value, after the writer caught up. */
    public List<Map<String, Object>> ledgerRows() {
        try {
            gateway.ledger().flush();
            List<Map<String, Object>> rows = new ArrayList<>();
            try (Connection connection = gateway.database().connection();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT * FROM ledger ORDER BY at_utc, request_id, attempt");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Data lines of an SSE body, in order. */
    public static List<String> dataLines(String sse) {
        return sse.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
    }

    @Override
    public void close() {
        gateway.close();
        upstream.close();
    }
}
