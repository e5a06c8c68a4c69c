package dev.gapwise.gateway.call;

import dev.gapwise.gateway.config.Timeouts;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Blocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link UpstreamClient#sendWhole} against a real local server that answers without end. */
class UpstreamClientTest {
    private static final int MAX_ANSWER = 1024 * 1024;
    private static final int MAX_ERROR = 64 * 1024;
    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(20));

    private Server server;
    private UpstreamClient client;
    private volatile int status;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                // a body that never ends, 16 KB at a time, until the client goes away
                response.setStatus(status);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                byte[] piece = new byte[16 * 1024];
                Arrays.fill(piece, (byte) 'x');
                byte[] start = "{\"error\":{\"message\":\"endless ".getBytes(StandardCharsets.UTF_8);
                try {
                    for (int i = 0; ; i++) {
                        try (Blocker.Callback blocker = Blocker.callback()) {
                            response.write(false, ByteBuffer.wrap(i == 0 ? start : piece), blocker);
                            blocker.block();
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    callback.failed(gone);
                }
                return true;
            }
        });
        server.start();
        client = new UpstreamClient(TIMEOUTS);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.stop();
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/");
    }

    @Test
    void anEndlessErrorIsCutAtItsCapAndReturnsPromptly() throws IOException {
        status = 500;
        long started = System.nanoTime();
        UpstreamClient.Sent sent = client.sendWhole(uri(), headers -> { }, "{}".getBytes(StandardCharsets.UTF_8),
                TIMEOUTS, new Cancellation(), MAX_ANSWER, MAX_ERROR);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(sent).isInstanceOf(UpstreamClient.Opened.class);
        UpstreamClient.Opened opened = (UpstreamClient.Opened) sent;
        assertThat(opened.status()).isEqualTo(500);
        try (InputStream body = opened.body()) {
            byte[] bytes = body.readAllBytes();
            assertThat(bytes).hasSize(MAX_ERROR);
            assertThat(new String(bytes, 0, 30, StandardCharsets.UTF_8)).startsWith("{\"error\":{\"message\":\"endless");
        }
    }

    @Test
    void anEndlessAnswerBreaksOffAtItsCap() {
        status = 200;
        long started = System.nanoTime();
        UpstreamClient.Sent sent = client.sendWhole(uri(), headers -> { }, "{}".getBytes(StandardCharsets.UTF_8),
                TIMEOUTS, new Cancellation(), MAX_ANSWER, MAX_ERROR);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        UpstreamClient.Opened opened = (UpstreamClient.Opened) sent;
        assertThat(opened.status()).isEqualTo(200);
        assertThatThrownBy(() -> opened.body().readAllBytes()).isInstanceOf(IOException.class)
                .hasMessageContaining("broke off");
    }
}
