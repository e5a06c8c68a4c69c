package dev.gapwise.gateway.hardening;

import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, case 9: a client that hung up during a non-streaming call did not cancel the upstream call, and one
 * that hung up while the upstream was silent held the upstream connection until the idle timeout. The hang-up
 * now aborts the upstream exchange at once.
 */
class ClientHangUpTest extends SharedGatewayTest {
    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void aClientHangingUpWhileTheUpstreamIsSilentReleasesTheUpstreamPromptly(boolean stream) throws Exception {
        gw.upstream.enqueue(Behaviour.ok().slowHeaders(1_800));
        try (Socket socket = new Socket("127.0.0.1", gw.gateway.port())) {
            byte[] body = TestGateway.openAiChat("cheap-model", stream).getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            long deadline = System.currentTimeMillis() + 5_000;
            while (gw.upstream.received().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
        }
        long hungUp = System.nanoTime();
        Map<String, Object> row = awaitRow();

        assertThat((System.nanoTime() - hungUp) / 1_000_000).as("the gateway noticed well before the upstream answered")
                .isLessThan(1_200);
        assertThat(row.get("error_class")).isEqualTo("client_cancelled");
        assertThat(gw.upstream.received()).hasSize(1);
    }

    private static Map<String, Object> awaitRow() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            if (gw.gateway.ledger().pendingRows() > 0 || !gw.ledgerRows().isEmpty()) {
                var rows = gw.ledgerRows();
                if (!rows.isEmpty()) {
                    return rows.getLast();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no ledger row within 5 s of the hang-up");
    }
}
