package dev.gapwise.gateway.ledger;

import dev.gapwise.gateway.Postgres;
import dev.gapwise.gateway.TcpProxy;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, case 3: a PostgreSQL outage made every request wait the pool's 5 s (keys were refreshed on the request
 * path), a fresh instance answered 401 "missing API key" to everyone, and the gateway could not start while the
 * database was down. The database here sits behind a local TCP proxy that the test stops and starts.
 */
class DatabaseOutageTest {
    @TempDir
    Path dir;

    @Test
    void startsAndServesWithTheDatabaseDownAndWritesTheRowsWhenItReturns() throws Exception {
        try (Postgres schema = Postgres.schema(); TcpProxy proxy = TcpProxy.stoppedTo(Postgres.PORT)) {
            String url = schema.url(proxy.hostAndPort());
            List<String> ids = new ArrayList<>();
            try (TestGateway gw = TestGateway.startWithLedger(dir, url, "auth: none")) {
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", i % 2 == 0));
                    assertThat(response.statusCode()).isEqualTo(200);
                    ids.add(response.headers().firstValue("x-gapwise-request-id").orElseThrow());
                }
                awaitDegraded(gw);
                JsonNode ready = TestGateway.json(gw.get("/readyz").body());
                assertThat(ready.path("status").asString()).isEqualTo("degraded");
                assertThat(ready.path("database").path("status").asString()).isEqualTo("unreachable");
                assertThat(ready.path("ledger").path("pending_rows").asLong()).isEqualTo(5);

                proxy.start();
                assertThat(gw.gateway.ledger().flush(Duration.ofSeconds(20))).as("rows written once it returns").isTrue();
                assertThat(TestGateway.json(gw.get("/readyz").body()).path("status").asString()).isEqualTo("ready");
            }
            assertThat(requestIds(schema.url())).containsAll(ids);
        }
    }

    @Test
    void aFreshInstanceWhoseKeysNeverLoadedAnswers503NotMissingApiKey() throws Exception {
        try (Postgres schema = Postgres.schema(); TcpProxy proxy = TcpProxy.stoppedTo(Postgres.PORT);
             TestGateway gw = TestGateway.startWithLedger(dir, schema.url(proxy.hostAndPort()), "")) {
            HttpResponse<String> openAi = gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false));
            HttpResponse<String> anthropic = gw.post("/v1/messages", TestGateway.anthropicChat("auto", false));

            assertThat(openAi.statusCode()).isEqualTo(503);
            assertThat(TestGateway.json(openAi.body()).path("error").path("code").asString()).isEqualTo("auth_unavailable");
            assertThat(anthropic.statusCode()).isEqualTo(503);
            assertThat(TestGateway.json(anthropic.body()).path("type").asString()).isEqualTo("error");
            assertThat(openAi.body() + anthropic.body()).contains("cannot check API keys").doesNotContain("missing API key");
            assertThat(gw.get("/readyz").statusCode()).isEqualTo(503);
            assertThat(gw.upstream.received()).isEmpty();
        }
    }

    @Test
    void anOutageAfterStartKeepsRequestsFastWithTheLastGoodKeys() throws Exception {
        try (Postgres schema = Postgres.schema(); TcpProxy proxy = TcpProxy.to(Postgres.PORT)) {
            String url = schema.url(proxy.hostAndPort());
            String key;
            try (Database db = Database.open(url)) {
                key = new VirtualKeys(db, AuthMode.AUTO, InstantSource.system()).create("app", Optional.empty()).key();
            }
            try (TestGateway gw = TestGateway.startWithLedger(dir, url, "")) {
                proxy.stop();
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false),
                            "Authorization", "Bearer " + key);
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    assertThat(response.statusCode()).isEqualTo(200);
                    Thread.sleep(150);
                }
                assertThat(gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false)).statusCode())
                        .as("a request without a key is still refused").isEqualTo(401);
                assertThat(millis).as("no request waits on the database").allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
                awaitDegraded(gw);
                proxy.start();
                assertThat(gw.gateway.ledger().flush(Duration.ofSeconds(20))).isTrue();
            }
            assertThat(requestIds(schema.url())).hasSize(16);
        }
    }

    private static void awaitDegraded(TestGateway gw) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!gw.get("/readyz").body().contains("degraded") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    private static List<String> requestIds(String url) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rs = connection.createStatement().executeQuery("SELECT request_id FROM ledger")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
