package dev.gapwise.gateway.ledger;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.ConfigLoader;
import dev.gapwise.gateway.fake.FakeUpstream;
import dev.gapwise.gateway.Postgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill test, on SQLite and PostgreSQL: a gateway in its own JVM answers requests and is killed with SIGKILL
 * right after the last response; on restart, every completed response has its ledger row, exactly once.
 */
class LedgerDurabilityTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void everyCompletedResponseHasItsRowAfterTheServerIsKilled(String database) throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start();
             Postgres schema = database.equals("postgresql") ? Postgres.schema() : null) {
            Path config = dir.resolve("gapwise.yaml");
            String url = schema == null ? "jdbc:sqlite:" + dir.resolve("ledger.db") : schema.url();
            // a one-second batch window keeps the last rows only in the pending file when the kill comes
            Files.writeString(config, TestGateway.withLedger(TestGateway.yaml(upstream.baseUrl(), dir, ""), dir, url)
                    .replace("ledger:\n", "ledger:\n  batch_window: 1s\n"));
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), GatewayProcessMain.class.getName(), config.toString())
                    .redirectErrorStream(true).start();
            Set<String> completed = new HashSet<>();
            try {
                int port = awaitReady(process);
                completed.addAll(sendConcurrently(URI.create("http://127.0.0.1:" + port), 300));
            } finally {
                process.destroyForcibly();
                process.waitFor();
            }
            assertThat(completed).hasSize(300);
            long inDatabaseAtKill;
            try (Connection connection = java.sql.DriverManager.getConnection(url);
                 ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(DISTINCT request_id) FROM ledger")) {
                rs.next();
                inDatabaseAtKill = rs.getLong(1);
            }
            assertThat(inDatabaseAtKill).as("rows only in the pending file at the kill").isLessThan(300);

            try (Gateway restarted = Gateway.start(ConfigLoader.load(config), new Catalog(List.of(), List.of()),
                    TestGateway.environment(), InstantSource.system())) {
                restarted.ledger().flush();
                Set<String> recorded = new HashSet<>();
                try (Connection connection = restarted.database().connection();
                     ResultSet rs = connection.createStatement().executeQuery("SELECT request_id FROM ledger")) {
                    while (rs.next()) {
                        recorded.add(rs.getString(1));
                    }
                }
                assertThat(recorded).containsAll(completed);
                try (Connection connection = restarted.database().connection();
                     ResultSet rs = connection.createStatement().executeQuery(
                             "SELECT COUNT(*) - COUNT(DISTINCT request_id || '/' || attempt) FROM ledger")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("no row twice").isZero();
                }
            }
        }
    }

    private static int awaitReady(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return Integer.parseInt(line.substring(6).strip());
            }
        }
        throw new IllegalStateException("the gateway process ended before it was ready");
    }

    /** Sends requests from 8 clients at once (half streamed); returns the request ids of 200 responses. */
    private static List<String> sendConcurrently(URI base, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Future<String>> futures = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < count; i++) {
                boolean stream = i % 2 == 0;
                futures.add(clients.submit(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TestGateway.openAiChat("auto", stream))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(200);
                    return response.headers().firstValue("x-gapwise-request-id").orElseThrow();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> future : futures) {
                ids.add(future.get());
            }
            return ids;
        }
    }
}
