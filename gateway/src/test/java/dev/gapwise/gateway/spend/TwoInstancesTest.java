package dev.gapwise.gateway.spend;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.Postgres;
import dev.gapwise.gateway.Redis;
import dev.gapwise.gateway.TcpProxy;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.ConfigLoader;
import dev.gapwise.gateway.fake.Behaviour;
import dev.gapwise.gateway.fake.FakeUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances on one PostgreSQL and one Redis, as several instances behind a load balancer run: budgets
 * never overrun and limits stay exact with requests spread over both, and a Redis outage fails closed and heals.
 */
class TwoInstancesTest {
    /** frontier@fakeai costs 10 / 30 USD per million tokens: each answer 1000 x 10 + 400 x 30 = 0.022 USD. */
    static final long COST = 22_000_000L;

    @TempDir
    Path dir;
    Postgres postgres;
    Redis redis;
    FakeUpstream upstream;
    final List<Gateway> gateways = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void servers() {
        postgres = Postgres.schema();
        redis = Redis.fresh();
        upstream = FakeUpstream.start();
    }

    @AfterEach
    void stop() {
        gateways.forEach(Gateway::close);
        upstream.close();
        redis.close();
        postgres.close();
    }

    private Gateway start(String name, String extra) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        String yaml = TestGateway.withLedger(TestGateway.yaml(upstream.baseUrl(), home, extra), home, postgres.url());
        Gateway gateway = Gateway.start(ConfigLoader.parse(yaml, "test"), new Catalog(List.of(), List.of()),
                TestGateway.environment(), InstantSource.system());
        gateways.add(gateway);
        return gateway;
    }

    private List<Gateway> two(String extra) throws Exception {
        return List.of(start("a", extra), start("b", extra));
    }

    /** Request {@code i} (of {@code n}, all at once) as {@code request} makes it; the answers of those that give one. */
    private static List<HttpResponse<String>> concurrently(int n, java.util.function.IntFunction<HttpResponse<String>> request)
            throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> request.apply(index)));
            }
            for (Future<HttpResponse<String>> future : futures) {
                if (future.get() != null) {
                    answers.add(future.get());
                }
            }
        }
        return answers;
    }

    private HttpResponse<String> post(Gateway gateway, String key, String body) {
        try {
            return http.send(HttpRequest.newBuilder(gateway.uri().resolve("/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a streamed request, reads the first bytes of the stream, and hangs up. */
    private static void hangUpMidStream(URI base, String key, String body) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(3_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: "
                    + "application/json\r\nAuthorization: Bearer " + key + "\r\nContent-Length: " + bytes.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            int read = 0;
            byte[] buffer = new byte[256];
            while (read < 600) {
                int n = in.read(buffer);
                if (n < 0 || (read == 0 && !new String(buffer, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"))) {
                    return;
                }
                read += n;
            }
        } catch (java.io.IOException e) {
            // the gateway refused and closed first: fine
        }
    }

    /** The day window of the key's only budget in Redis, once both gateways are idle. */
    private Map<String, String> window(String keyId) throws Exception {
        for (Gateway gateway : gateways) {
            for (int i = 0; i < 100 && gateway.inFlight() > 0; i++) {
                Thread.sleep(50);
            }
        }
        Budget budget = new AllowanceStore(gateways.getFirst().database(), InstantSource.system()).load().budgets()
                .stream().filter(b -> b.subject().equals(keyId)).findFirst().orElseThrow();
        return redis.window(budget.id() + ":" + LocalDate.now(ZoneOffset.UTC));
    }

    private List<String> errorClasses(String keyId) throws Exception {
        List<String> classes = new ArrayList<>();
        try (var connection = gateways.getFirst().database().connection();
             var statement = connection.prepareStatement("SELECT DISTINCT error_class FROM ledger WHERE key_id = ? "
                     + "AND error_class IS NOT NULL")) {
            statement.setString(1, keyId);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    classes.add(rs.getString(1));
                }
            }
        }
        return classes;
    }

    private static void assertTerminalBudgetRefusal(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("x-should-retry")).hasValue("false");
        JsonNode budget = TestGateway.json(refused.body()).path("error").path("budget");
        assertThat(budget.path("scope").asString()).isEqualTo("key");
        assertThat(budget.path("period").asString()).isEqualTo("day");
    }

    @Test
    void concurrentRequestsOverTwoInstancesNeverSpendMoreThanTheBudgetAndLeaveNothingReserved() throws Exception {
        List<Gateway> pair = two(redis.yaml("127.0.0.1:" + Redis.PORT, "serve"));
        upstream.setDefault(Behaviour.ok().reporting(1000, 400).chunks(8, 25).slowHeaders(60));
        String key = Spenders.key(pair.getFirst().database(), "shared", "0.25/day");
        Spenders.refresh(pair.toArray(Gateway[]::new));
        List<HttpResponse<String>> answers = concurrently(40, i -> post(pair.get(i % 2), key,
                Spenders.chat("frontier-model", i % 4 < 2, 1_600, 500)));
        long served = answers.stream().filter(a -> a.statusCode() == 200).count();
        answers.stream().filter(a -> a.statusCode() != 200).forEach(TwoInstancesTest::assertTerminalBudgetRefusal);
        String keyId = Spenders.keyId(pair.getFirst().database(), "shared");
        long spent = Spenders.spent(pair.getFirst().database(), keyId, pair.toArray(Gateway[]::new));
        // the bound: every reservation is a worst case the actual cost never exceeds, so spend stays within budget
        assertThat(spent).isLessThanOrEqualTo(250_000_000L).isEqualTo(served * COST);
        assertThat(served).isGreaterThanOrEqualTo(8);
        Map<String, String> window = window(keyId);
        assertThat(window).containsEntry("reserved", "0").containsEntry("spent", Long.toString(spent));
        assertThat(window.keySet()).noneMatch(field -> field.startsWith("r:"));
    }

    @Test
    void clientsHangingUpMidStreamAndAnUpstreamFailingHalfTheTimeNeverOverrunNorLeaveReservations() throws Exception {
        List<Gateway> pair = two(redis.yaml("127.0.0.1:" + Redis.PORT, "serve"));
        for (int i = 0; i < 120; i++) {
            upstream.enqueue(i % 2 == 0 ? Behaviour.status(500) : Behaviour.ok().reporting(1000, 400).chunks(8, 50));
        }
        upstream.setDefault(Behaviour.ok().reporting(1000, 400).chunks(8, 50));
        String key = Spenders.key(pair.getFirst().database(), "flaky", "0.25/day");
        Spenders.refresh(pair.toArray(Gateway[]::new));
        // the clients that hang up go first, so they are among the requests the budget admits
        List<HttpResponse<String>> answers = concurrently(40, i -> {
            String body = Spenders.chat("frontier-model", i % 4 < 2, 1_600, 500);
            if (i % 4 == 0) {
                hangUpMidStream(pair.get(i % 2).uri(), key, body);
                return null;
            }
            pause(100);
            return post(pair.get(i % 2), key, body);
        });
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 429) {
                assertTerminalBudgetRefusal(answer);
            } else {
                assertThat(answer.statusCode()).isIn(200, 502);
            }
        }
        String keyId = Spenders.keyId(pair.getFirst().database(), "flaky");
        Map<String, String> window = window(keyId);
        long spent = Spenders.spent(pair.getFirst().database(), keyId, pair.toArray(Gateway[]::new));
        assertThat(spent).isLessThanOrEqualTo(250_000_000L).isPositive();
        assertThat(errorClasses(keyId)).as("the run did hang up and fail").contains("client_cancelled", "server_error");
        assertThat(window).containsEntry("reserved", "0").containsEntry("spent", Long.toString(spent));
        assertThat(window.keySet()).noneMatch(field -> field.startsWith("r:"));
    }

    @Test
    void aRateLimitIsExactOverTwoInstancesAndItsRetryAfterIsTrue() throws Exception {
        List<Gateway> pair = two(redis.yaml("127.0.0.1:" + Redis.PORT, "serve")
                + "limits: {per_key: {requests: 4/8s}}");
        String key = Spenders.key(pair.getFirst().database(), "limited");
        Spenders.refresh(pair.toArray(Gateway[]::new));
        List<HttpResponse<String>> answers = concurrently(12, i -> post(pair.get(i % 2), key,
                TestGateway.openAiChat("cheap-model", false)));
        assertThat(answers).filteredOn(a -> a.statusCode() == 200).hasSize(4);
        assertThat(answers).filteredOn(a -> a.statusCode() == 429).hasSize(8)
                .allSatisfy(a -> assertThat(a.headers().firstValue("x-should-retry")).hasValue("true"));

        HttpResponse<String> throttled = post(pair.get(0), key, TestGateway.openAiChat("cheap-model", false));
        assertThat(throttled.statusCode()).isEqualTo(429);
        long wait = Long.parseLong(throttled.headers().firstValue("retry-after-ms").orElseThrow());
        assertThat(wait).isBetween(500L, 2_000L);
        Thread.sleep(Math.max(0, wait - 900));
        assertThat(post(pair.get(1), key, TestGateway.openAiChat("cheap-model", false)).statusCode())
                .as("the other instance, a second before Retry-After").isEqualTo(429);
        Thread.sleep(950);
        assertThat(post(pair.get(1), key, TestGateway.openAiChat("cheap-model", false)).statusCode())
                .as("the other instance, once Retry-After has passed").isEqualTo(200);
    }

    @Test
    void withRedisStoppedAHardBudgetFailsClosedOthersAreServedAndServiceResumesWithoutRestart() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(Redis.PORT)) {
            List<Gateway> pair = two(redis.yaml(proxy.hostAndPort(), "serve") + "limits: {per_key: {requests: 600/minute}}");
            String capped = Spenders.key(pair.getFirst().database(), "capped", "5/day");
            String open = Spenders.key(pair.getFirst().database(), "open");
            Spenders.refresh(pair.toArray(Gateway[]::new));
            assertThat(post(pair.get(0), capped, TestGateway.openAiChat("cheap-model", false)).statusCode()).isEqualTo(200);

            proxy.stop();
            for (Gateway gateway : pair) {
                HttpResponse<String> refused = post(gateway, capped, TestGateway.openAiChat("cheap-model", false));
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(TestGateway.json(refused.body()).path("error").path("code").asString())
                        .isEqualTo("budget_unavailable");
                assertThat(TestGateway.json(refused.body()).path("error").path("message").asString())
                        .contains("hard budget applies", "cannot be checked", "redis");
                assertThat(post(gateway, open, TestGateway.openAiChat("cheap-model", false)).statusCode())
                        .as("no hard budget, on_outage: serve").isEqualTo(200);
            }

            proxy.start();
            int status = 0;
            for (int i = 0; i < 20 && status != 200; i++) {
                status = post(pair.get(1), capped, TestGateway.openAiChat("cheap-model", false)).statusCode();
                if (status != 200) {
                    Thread.sleep(250);
                }
            }
            assertThat(status).as("served again once Redis answers, without a restart").isEqualTo(200);
            for (Gateway gateway : pair) {
                for (int i = 0; i < 40 && !gateway.uri().toString().isEmpty()
                        && TestGateway.json(http.send(HttpRequest.newBuilder(gateway.uri().resolve("/readyz"))
                        .header("Authorization", "Bearer " + open).build(), HttpResponse.BodyHandlers.ofString()).body())
                        .path("budgets").path("pending_settles").asInt() > 0; i++) {
                    Thread.sleep(100);
                }
            }
        }
    }
}
