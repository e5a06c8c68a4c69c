package dev.gapwise.gateway.call;

import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry/fallback loop against the fake upstream: what is retried, what falls back, and what is never retried. */
class RetryAndFallbackTest extends SharedGatewayTest {

    private static List<Map<String, Object>> rowsOf(HttpResponse<String> response) {
        String id = response.headers().firstValue("x-gapwise-request-id").orElseThrow();
        return gw.ledgerRows().stream().filter(r -> id.equals(r.get("request_id"))).toList();
    }

    @Test
    void retriesA429AfterItsRetryAfterAndLedgersBothAttempts() {
        gw.upstream.enqueue(Behaviour.rateLimited("1"));
        long start = System.nanoTime();

        HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("cheap-model", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1_000);
        List<Map<String, Object>> rows = rowsOf(response);
        assertThat(rows).extracting(r -> r.get("error_class")).containsExactly("rate_limited", null);
        assertThat(rows).extracting(r -> r.get("status")).containsExactly(429, 200);
        assertThat(rows.getFirst().get("cost_nano_usd")).isEqualTo(0);
    }

    @Test
    void fallsBackToTheNextCandidateAfterRepeated5xx() {
        gw.upstream.enqueue(Behaviour.status(500), Behaviour.status(503));

        HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gapwise-deployment")).hasValue("claude@fakeanthropic");
        assertThat(rowsOf(response)).extracting(r -> r.get("deployment"))
                .containsExactly("cheap@fakeai", "cheap@fakeai", "claude@fakeanthropic");
    }

    @Test
    void neverRetriesARejectedRequestAndReturnsTheProvidersStatus() {
        gw.upstream.enqueue(Behaviour.status(400));

        HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestGateway.json(response.body()).path("error").path("message").asString())
                .contains("fake upstream answered 400");
        assertThat(rowsOf(response)).hasSize(1);
    }

    @Test
    void fallsBackWithoutRetryingWhenTheFirstByteTimesOut() {
        gw.upstream.enqueue(Behaviour.ok().slowHeaders(3_000));

        HttpResponse<String> response = gw.post("/v1/messages", TestGateway.anthropicChat("auto", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rowsOf(response)).extracting(r -> r.get("error_class")).containsExactly("first_byte_timeout", null);
    }

    @Test
    void answersRateLimitedWhenEveryCandidateKeepsRefusing() {
        gw.upstream.setDefault(Behaviour.rateLimited("0"));

        HttpResponse<String> response = gw.post("/v1/messages", TestGateway.anthropicChat("claude-fake", false));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(TestGateway.json(response.body()).path("error").path("type").asString()).isEqualTo("rate_limit_error");
        assertThat(rowsOf(response)).hasSize(2);
    }

    @Test
    void neverRetriesOnceTheStreamHasReachedTheClient() {
        gw.upstream.enqueue(Behaviour.ok().cutAfter(1));

        String response = dev.gapwise.gateway.RawHttp.exchange(gw.gateway.uri(), "/v1/chat/completions",
                TestGateway.openAiChat("auto", true));

        assertThat(response).contains("stream_cut").doesNotContain("[DONE]");
        assertThat(gw.upstream.received()).hasSize(1);
    }

    @Test
    void cancelsTheUpstreamWhenTheClientDisconnectsAndStillLedgersTheUsageSoFar() throws Exception {
        gw.upstream.enqueue(Behaviour.ok().chunks(29, 30));
        try (Socket socket = new Socket("127.0.0.1", gw.gateway.port())) {
            byte[] body = TestGateway.openAiChat("cheap-model", true).getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().contains("\"content\":\"H")) {
                int next = in.read();
                if (next < 0) {
                    throw new AssertionError("the response ended before the first content chunk: " + seen);
                }
                seen.append((char) next);
            }
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (gw.upstream.cancelledStreams() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }

        assertThat(gw.upstream.cancelledStreams()).isEqualTo(1);
        while (gw.ledgerRows().stream().noneMatch(r -> "client_cancelled".equals(r.get("error_class")))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Map<String, Object> row = gw.ledgerRows().getLast();
        assertThat(row.get("error_class")).isEqualTo("client_cancelled");
        assertThat(row.get("tokens_estimated")).isEqualTo(1);
        assertThat(((Number) row.get("output_tokens")).longValue()).isPositive();
    }
}
