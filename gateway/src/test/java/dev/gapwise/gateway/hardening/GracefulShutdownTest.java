package dev.gapwise.gateway.hardening;

import dev.gapwise.gateway.GatewayProcess;
import dev.gapwise.gateway.RawHttp;
import dev.gapwise.gateway.fake.FakeUpstream;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8, case 8: SIGTERM cut 8 in-flight streams at once, without an error event, and the process exited a
 * second later. Shutdown now stops accepting, lets requests finish for the grace period (2 s in the test
 * gateway), ends the rest with an error in their dialect, and writes their rows.
 */
class GracefulShutdownTest {
    @TempDir
    Path dir;

    @Test
    void shutdownLetsShortStreamsFinishAndEndsLongOnesWithAnErrorEventInTheirDialect() throws Exception {
        TestGateway gw = TestGateway.start(dir);
        List<Future<String>> shortOnes = new ArrayList<>();
        List<Future<String>> longOnes = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) {
                gw.upstream.enqueue(Behaviour.ok().chunks(10, 100));
            }
            for (int i = 0; i < 4; i++) {
                shortOnes.add(clients.submit(() -> stream(gw, "/v1/chat/completions", true)));
            }
            awaitInFlight(gw, 4);
            gw.upstream.setDefault(Behaviour.ok().chunks(50, 200));
            for (int i = 0; i < 4; i++) {
                boolean openAi = i % 2 == 0;
                longOnes.add(clients.submit(() -> stream(gw, openAi ? "/v1/chat/completions" : "/v1/messages", true)));
            }
            awaitInFlight(gw, 8);
            int port = gw.gateway.port();
            long start = System.nanoTime();
            Thread closer = Thread.ofVirtual().start(gw.gateway::close);
            Thread.sleep(300);
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                    .as("no longer accepting").isInstanceOf(ConnectException.class);
            closer.join(15_000);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(millis).as("grace (2 s) plus the time to end the rest").isBetween(1_800L, 8_000L);
            for (Future<String> done : shortOnes) {
                assertThat(done.get()).contains("data: [DONE]");
            }
            for (int i = 0; i < longOnes.size(); i++) {
                String body = longOnes.get(i).get();
                assertThat(body).contains("the gateway is shutting down").doesNotContain("[DONE]", "message_stop");
                if (i % 2 == 1) {
                    assertThat(body).contains("event: error");
                }
            }
        } finally {
            gw.upstream.close();
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db"));
             var rs = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM ledger WHERE error_class = 'shutdown'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the ended streams have their rows").isEqualTo(4);
        }
    }

    @Test
    void sigtermEndsStreamsPastTheGraceWithAnErrorEventAndTheProcessExits() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            upstream.setDefault(Behaviour.ok().chunks(40, 250));
            Path config = dir.resolve("gapwise.yaml");
            Files.writeString(config, TestGateway.yaml(upstream.baseUrl(), dir, ""));
            try (GatewayProcess gateway = GatewayProcess.start(config)) {
                List<Future<String>> streams = new ArrayList<>();
                try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (String path : List.of("/v1/chat/completions", "/v1/messages")) {
                        String body = path.equals("/v1/messages") ? TestGateway.anthropicChat("auto", true)
                                : TestGateway.openAiChat("auto", true);
                        streams.add(clients.submit(() -> RawHttp.exchange(gateway.uri(), path, body)));
                    }
                    while (upstream.received().size() < 2) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(300);
                    long start = System.nanoTime();
                    gateway.terminate(15_000);
                    long millis = (System.nanoTime() - start) / 1_000_000;

                    assertThat(millis).as("exits after the 2 s grace, not at once and not never").isBetween(1_800L, 9_000L);
                    assertThat(streams.get(0).get()).contains("the gateway is shutting down").doesNotContain("[DONE]");
                    assertThat(streams.get(1).get()).contains("event: error", "the gateway is shutting down")
                            .doesNotContain("message_stop");
                }
            }
        }
    }

    private static String stream(TestGateway gw, String path, boolean stream) {
        String body = path.equals("/v1/messages") ? TestGateway.anthropicChat("auto", stream)
                : TestGateway.openAiChat("auto", stream);
        return RawHttp.exchange(gw.gateway.uri(), path, body);
    }

    private static void awaitInFlight(TestGateway gw, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (gw.gateway.inFlight() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
    }
}
