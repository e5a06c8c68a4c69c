package dev.gapwise.gateway.hardening;

import dev.gapwise.gateway.RawHttp;
import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, case 9: out-of-range integers were a 500 with a stack trace, Jetty's own refusals were HTML pages,
 * {@code text/plain} was taken as JSON, and a body could be dripped forever. Each is now a 4xx in the dialect.
 */
class RequestEdgeTest extends SharedGatewayTest {
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
            "max_tokens 1e30        | /v1/chat/completions | {\"model\":\"auto\",\"max_tokens\":1e30,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "max_tokens 1e30        | /v1/messages         | {\"model\":\"claude-fake\",\"max_tokens\":1e30,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "n 4294967297           | /v1/chat/completions | {\"model\":\"auto\",\"n\":4294967297,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "max_tokens 2^31        | /v1/messages         | {\"model\":\"cheap-model\",\"max_tokens\":2147483648,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "huge max_completion    | /v1/chat/completions | {\"model\":\"claude-fake\",\"max_completion_tokens\":123456789012345678901234567890,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "temperature NaN-ish    | /v1/chat/completions | {\"model\":\"auto\",\"temperature\":1e400,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "top_k -1               | /v1/messages         | {\"model\":\"auto\",\"max_tokens\":5,\"top_k\":-1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"})
    void anOutOfRangeIntegerIsA400InTheDialectNotA500(String what, String path, String body) {
        HttpResponse<String> response = gw.post(path, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertDialectError(path, response.body());
        assertThat(gw.upstream.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text/plain", "application/x-www-form-urlencoded", "application/jsonx", "none"})
    void aBodyNotSentAsJsonIs415InTheDialect(String contentType) throws Exception {
        String body = TestGateway.anthropicChat("auto", false);
        String raw = raw("POST /v1/messages HTTP/1.1\r\nHost: x\r\n"
                + (contentType.equals("none") ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);

        assertThat(raw).startsWith("HTTP/1.1 415").contains("\"type\":\"error\"", "application/json");
        assertThat(gw.upstream.received()).isEmpty();
    }

    @Test
    void acceptsJsonWithACharset() {
        assertThat(gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false),
                "Content-Type", "application/json; charset=utf-8").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "431 header too large  | GET /v1/models HTTP/1.1\\r\\nHost: x\\r\\nX-Big: BIG\\r\\n\\r\\n                                        | 431",
            "ambiguous URI         | GET /v1/%2e%2e/models HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                                            | 400",
            "CL with TE            | POST /v1/messages HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 4\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n | 400",
            "HTTP version 505      | GET /v1/models HTTP/1.2\\r\\nHost: x\\r\\n\\r\\n                                                   | 505",
            "no Host               | GET /v1/models HTTP/1.1\\r\\n\\r\\n                                                               | 400",
            "bad Host              | GET /v1/models HTTP/1.1\\r\\nHost: a b:c:d\\r\\n\\r\\n                                              | 400"})
    void aProtocolLevelRefusalIsTheDialectsJsonNotJettyHtml(String what, String request, int status) throws Exception {
        String wire = request.strip().replace("\\r\\n", "\r\n").replace("BIG", "b".repeat(20_000)) + "\r\n\r\n";
        String response = raw(wire.replace("\r\n\r\n\r\n\r\n", "\r\n\r\n"));

        assertThat(response).startsWith("HTTP/1.1 " + status);
        assertThat(response).doesNotContain("<html", "<HTML", "org.eclipse.jetty", "at org.");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(body).contains("\"error\"", "refused");
        assertThat(TestGateway.json(body).path("error").path("message").asString()).isNotBlank();
    }

    @Test
    void aBodyDrippedPastTheDeadlineIs408() throws Exception {
        // the test gateway's body_timeout is 2s
        try (Socket socket = new Socket("127.0.0.1", gw.gateway.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            StringBuilder seen = new StringBuilder();
            InputStream in = socket.getInputStream();
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        Thread.sleep(250);
                        out.write(' ');
                        out.flush();
                    }
                } catch (Exception e) {
                    // the gateway closed the connection
                }
            });
            for (int next = in.read(); next >= 0 && !seen.toString().endsWith("}"); next = in.read()) {
                seen.append((char) next);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(seen.toString()).startsWith("HTTP/1.1 408").contains("request_timeout");
            assertThat(millis).isBetween(1_500L, 4_000L);
        }
    }

    private String raw(String wire) throws Exception {
        int endOfRequestLine = wire.indexOf("\r\n") + 2;
        wire = wire.substring(0, endOfRequestLine) + "Connection: close\r\n" + wire.substring(endOfRequestLine);
        try (Socket socket = new Socket("127.0.0.1", gw.gateway.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(wire.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.net.SocketException e) {
            return "";
        }
    }

    static void assertDialectError(String path, String body) {
        JsonNode json = TestGateway.json(body);
        if (path.equals("/v1/messages")) {
            assertThat(json.path("type").asString()).isEqualTo("error");
        }
        assertThat(json.path("error").path("type").asString()).isNotBlank();
        assertThat(json.path("error").path("message").asString()).isNotBlank();
    }
}
