package dev.gapwise.gateway.keys;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.ConfigLoader;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.fake.FakeUpstream;
import dev.gapwise.gateway.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Virtual keys and the auth rules at the HTTP edge. */
class AuthTest {
    @TempDir
    Path dir;

    @Test
    void requiresAValidKeyOnceAnyKeyExistsAndNeverEchoesAnInvalidOne() throws Exception {
        try (TestGateway gw = TestGateway.start(dir)) {
            assertThat(gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false)).statusCode())
                    .as("no key exists yet: open on loopback").isEqualTo(200);
            VirtualKeys keys = new VirtualKeys(gw.gateway.database(), AuthMode.AUTO, InstantSource.system());
            VirtualKeys.Created created = keys.create("team-a", Optional.of("critical"));
            Thread.sleep(2_100);

            HttpResponse<String> missing = gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false));
            HttpResponse<String> wrong = gw.post("/v1/messages", TestGateway.anthropicChat("auto", false),
                    "x-api-key", "gw-not-a-real-key-4242");
            HttpResponse<String> bearer = gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false),
                    "Authorization", "Bearer " + created.key());
            HttpResponse<String> apiKey = gw.post("/v1/messages", TestGateway.anthropicChat("auto", false),
                    "x-api-key", created.key());

            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(TestGateway.json(wrong.body()).path("error").path("type").asString()).isEqualTo("authentication_error");
            assertThat(wrong.body()).doesNotContain("gw-not-a-real-key-4242");
            assertThat(bearer.statusCode()).isEqualTo(200);
            assertThat(apiKey.statusCode()).isEqualTo(200);
            assertThat(bearer.body() + apiKey.body()).doesNotContain(TestGateway.OPENAI_KEY, TestGateway.ANTHROPIC_KEY);
            Optional<Object> tier = gw.ledgerRows().stream()
                    .filter(r -> bearer.headers().firstValue("x-gapwise-request-id").orElseThrow().equals(r.get("request_id")))
                    .map(r -> r.get("tier")).findFirst();
            assertThat(tier).hasValue("critical");

            keys.revoke("team-a");
            Thread.sleep(2_100);
            assertThat(gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false),
                    "Authorization", "Bearer " + created.key()).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void storesOnlyAHashOfEachKey() throws Exception {
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("k.db"))) {
            VirtualKeys keys = new VirtualKeys(database, AuthMode.AUTO, InstantSource.system());
            VirtualKeys.Created created = keys.create("ci", Optional.empty());
            try (Connection connection = database.connection();
                 ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM virtual_keys")) {
                rs.next();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    assertThat(String.valueOf(rs.getObject(i))).doesNotContain(created.key().substring(3));
                }
            }
            assertThat(created.toString()).doesNotContain(created.key());
            assertThat(keys.list()).extracting(KeyRecord::name).containsExactly("ci");
        }
    }

    @Test
    void refusesToListenBeyondLoopbackWithoutAuthUnlessToldAuthNone() {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            GatewayConfig open = ConfigLoader.parse(TestGateway.yaml(upstream.baseUrl(), dir, ""), "test")
                    .withServer(new dev.gapwise.gateway.config.ServerConfig("0.0.0.0", 0, 65536));

            assertThatThrownBy(() -> Gateway.start(open, new Catalog(List.of(), List.of()), TestGateway.environment(),
                    InstantSource.system()))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("server.host").hasMessageContaining("auth: none");
            try (Gateway gateway = Gateway.start(open.withAuth(AuthMode.NONE), new Catalog(List.of(), List.of()),
                    TestGateway.environment(), InstantSource.system())) {
                assertThat(gateway.port()).isPositive();
            }
        }
    }

    @Test
    void requiredAuthRefusesRequestsEvenBeforeAnyKeyExists() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("r.db"))) {
            VirtualKeys keys = new VirtualKeys(database, AuthMode.REQUIRED, now::get);
            assertThat(keys.check(null)).isInstanceOf(AuthDecision.Denied.class);
            assertThat(new VirtualKeys(database, AuthMode.AUTO, now::get).check(null)).isInstanceOf(AuthDecision.Allowed.class);
        }
    }
}
