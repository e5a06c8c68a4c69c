package dev.gapwise.gateway.telemetry;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import dev.gapwise.gateway.fake.FakeUpstream;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Spans exported over OTLP/HTTP to a real in-process receiver that decodes them with the OpenTelemetry protobuf
 * classes: a plain request, a streamed one (OpenAI and Anthropic), a fallback after an upstream 500, and a
 * deployment without a price, each checked attribute by attribute against the ledger.
 */
class TelemetryTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @TempDir
    static Path dir;
    static OtlpReceiver receiver;
    static TestGateway gw;

    @BeforeAll
    static void start() {
        receiver = OtlpReceiver.start();
        gw = TestGateway.start(dir, """
                telemetry:
                  endpoint: %s
                  protocol: http/protobuf
                  service_name: gapwise-test
                  export_interval: 50ms
                  headers:
                    x-collector-team: gateway
                """.formatted(receiver.baseUrl()), yaml -> yaml
                .replace("attempts_per_deployment: 2", "attempts_per_deployment: 1")
                .replace("reference: frontier@fakeai", """
                          - id: free@fakeai
                            model: free-model
                            provider: fakeai
                            jurisdiction: US
                        reference: frontier@fakeai"""));
    }

    @AfterAll
    static void stop() {
        gw.close();
        receiver.close();
    }

    @BeforeEach
    void resetUpstream() {
        gw.upstream.reset();
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-gapwise-request-id").orElseThrow();
    }

    private static OtlpReceiver.Received requestSpan(HttpResponse<String> response) {
        return receiver.requestSpan(requestId(response)).orElseThrow(() -> new AssertionError(
                "no request span for " + requestId(response) + " among " + receiver.spans()));
    }

    private static List<OtlpReceiver.Received> attemptSpans(OtlpReceiver.Received request, int count) {
        return receiver.await(span -> span.parentSpanId().equals(request.spanId()), count, Duration.ofSeconds(10))
                .stream().sorted(Comparator.comparing(span -> (Long) span.attribute("gapwise.attempt.number")))
                .toList();
    }

    private List<Map<String, Object>> rows(HttpResponse<String> response) {
        return gw.ledgerRows().stream().filter(row -> requestId(response).equals(row.get("request_id"))).toList();
    }

    private static double usd(Object nanos) {
        return ((Number) nanos).longValue() / 1e9;
    }

    @Test
    void aPlainRequestIsAServerSpanUnderTheCallersTraceWithOneClientSpanPerAttempt() {
        HttpResponse<String> response = gw.post("/v1/chat/completions", """
                {"model":"cheap-model","max_tokens":50,"temperature":0.2,
                 "messages":[{"role":"user","content":"Say hello sk-live-SECRET-value-123456"}]}""",
                "traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01", "x-gapwise-tier", "routine");
        assertThat(response.statusCode()).isEqualTo(200);

        OtlpReceiver.Received request = requestSpan(response);
        assertThat(request.service()).isEqualTo("gapwise-test");
        assertThat(request.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(request.traceId()).isEqualTo(TRACE_ID);
        assertThat(request.parentSpanId()).isEqualTo(CALLER_SPAN);
        assertThat(request.name()).isEqualTo("chat cheap-model");
        Map<String, Object> attributes = request.attributes();
        assertThat(attributes).containsEntry("gen_ai.operation.name", "chat")
                .containsEntry("gen_ai.request.model", "cheap-model")
                .containsEntry("gen_ai.response.model", "cheap-upstream")
                .containsEntry("gen_ai.provider.name", "fakeai")
                .containsEntry("gen_ai.request.max_tokens", 50L)
                .containsEntry("gen_ai.request.temperature", 0.2)
                .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
                .containsEntry("gapwise.tier", "routine")
                .containsEntry("gapwise.tier.source", "header")
                .containsEntry("gapwise.deployment", "cheap@fakeai")
                .containsEntry("gapwise.route.reason", response.headers().firstValue("x-gapwise-route-reason")
                        .orElseThrow())
                .containsEntry("gapwise.attempt.count", 1L)
                .containsEntry("gapwise.fallback.count", 0L)
                .containsEntry("gapwise.cost.priced", true)
                .containsEntry("gapwise.baseline.deployment", "frontier@fakeai")
                .containsEntry("http.response.status_code", 200L)
                .containsEntry("gapwise.outcome", "ok")
                .doesNotContainKeys("error.type", "gapwise.key.id", "gen_ai.input.messages", "gen_ai.output.messages");
        Map<String, Object> row = rows(response).getFirst();
        assertThat(attributes).containsEntry("gen_ai.usage.input_tokens", ((Number) row.get("input_tokens")).longValue())
                .containsEntry("gen_ai.usage.output_tokens", ((Number) row.get("output_tokens")).longValue());
        assertThat((Double) attributes.get("gapwise.cost.usd")).isCloseTo(usd(row.get("cost_nano_usd")), within(1e-12))
                .isPositive();
        assertThat((Double) attributes.get("gapwise.baseline.cost.usd"))
                .isCloseTo(usd(row.get("baseline_nano_usd")), within(1e-12))
                .isGreaterThan((Double) attributes.get("gapwise.cost.usd"));
        assertThat(request.status()).isNotEqualTo(Status.StatusCode.STATUS_CODE_ERROR);

        OtlpReceiver.Received attempt = attemptSpans(request, 1).getFirst();
        assertThat(attempt.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(attempt.traceId()).isEqualTo(TRACE_ID);
        assertThat(attempt.name()).isEqualTo("chat cheap-upstream");
        assertThat(attempt.attributes()).containsEntry("gen_ai.request.model", "cheap-upstream")
                .containsEntry("gen_ai.response.model", "cheap-upstream")
                .containsEntry("gen_ai.provider.name", "fakeai")
                .containsEntry("server.address", "127.0.0.1")
                .containsEntry("server.port", (long) gw.upstream.baseUrl().getPort())
                .containsEntry("http.response.status_code", 200L)
                .containsEntry("gapwise.attempt.number", 1L)
                .containsEntry("gen_ai.request.max_tokens", 50L)
                .doesNotContainKey("error.type");
        assertThat(attempt.startNanos()).isGreaterThanOrEqualTo(request.startNanos());
        assertThat(attempt.endNanos()).isLessThanOrEqualTo(request.endNanos());

        FakeUpstream.Received upstream = gw.upstream.received().getLast();
        String traceparent = upstream.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("traceparent")).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no traceparent upstream: " + upstream.headers()));
        assertThat(traceparent).isEqualTo("00-" + TRACE_ID + "-" + attempt.spanId() + "-01");
        assertThat(receiver.exportHeaders()).allSatisfy(headers -> assertThat(headers)
                .containsEntry("x-collector-team", "gateway"));
    }

    @Test
    void aStreamedRequestEndsItsSpanWithTheStreamAndMarksTheFirstToken() {
        gw.upstream.enqueue(Behaviour.ok().chunks(4, 30));
        HttpResponse<String> response = gw.post("/v1/chat/completions", """
                {"model":"cheap-model","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"Say hello"}]}""");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("[DONE]");

        OtlpReceiver.Received request = requestSpan(response);
        assertThat(request.traceId()).hasSize(32).isNotEqualTo(TRACE_ID);
        assertThat(request.parentSpanId()).isEmpty();
        assertThat(request.attributes()).containsEntry("gapwise.request.stream", true)
                .containsEntry("gen_ai.response.model", "cheap-upstream")
                .containsEntry("gen_ai.response.finish_reasons", List.of("stop"))
                .containsKey("gen_ai.usage.output_tokens");
        assertThat(request.events()).containsExactly("gen_ai.first_token");
        double firstToken = (Double) request.attribute("gapwise.time_to_first_token_s");
        assertThat(firstToken).isPositive();
        // four chunks 30 ms apart: the span lasts until the stream's end, well past its first token
        assertThat((request.endNanos() - request.startNanos()) / 1e9).isGreaterThan(firstToken + 0.06);
        OtlpReceiver.Received attempt = attemptSpans(request, 1).getFirst();
        assertThat(attempt.events()).containsExactly("gen_ai.first_token");
        Map<String, Object> row = rows(response).getFirst();
        assertThat(request.attributes()).containsEntry("gen_ai.usage.output_tokens",
                ((Number) row.get("output_tokens")).longValue());
    }

    @Test
    void anAnthropicStreamReportsTheStopReasonAndModelFromItsEvents() {
        HttpResponse<String> response = gw.post("/v1/messages", TestGateway.anthropicChat("claude-fake", true));
        assertThat(response.statusCode()).isEqualTo(200);

        OtlpReceiver.Received request = requestSpan(response);
        assertThat(request.attributes()).containsEntry("gen_ai.provider.name", "fakeanthropic")
                .containsEntry("gen_ai.response.model", "claude-upstream")
                .containsEntry("gen_ai.response.finish_reasons", List.of("end_turn"))
                .containsEntry("gen_ai.request.max_tokens", 100L);
        assertThat(request.events()).containsExactly("gen_ai.first_token");
    }

    @Test
    void aFallbackAfterAnUpstream500IsTwoAttemptSpansTheFirstWithItsErrorType() {
        gw.upstream.enqueue(Behaviour.status(500));
        HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gapwise-deployment")).hasValue("claude@fakeanthropic");

        OtlpReceiver.Received request = requestSpan(response);
        assertThat(request.attributes()).containsEntry("gapwise.attempt.count", 2L)
                .containsEntry("gapwise.fallback.count", 1L)
                .containsEntry("gapwise.retry.count", 0L)
                .containsEntry("gapwise.deployment", "claude@fakeanthropic")
                .containsEntry("gen_ai.provider.name", "fakeanthropic")
                .containsEntry("gen_ai.request.model", "auto")
                .containsEntry("gen_ai.response.model", "claude-upstream")
                .doesNotContainKey("error.type");
        List<OtlpReceiver.Received> attempts = attemptSpans(request, 2);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).attributes()).containsEntry("gapwise.deployment", "cheap@fakeai")
                .containsEntry("error.type", "server_error")
                .containsEntry("http.response.status_code", 500L);
        assertThat(attempts.get(0).status()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(attempts.get(1).attributes()).containsEntry("gapwise.deployment", "claude@fakeanthropic")
                .containsEntry("gen_ai.request.model", "claude-upstream")
                .containsEntry("http.response.status_code", 200L)
                .doesNotContainKey("error.type");
        assertThat(attempts.get(1).startNanos()).isGreaterThanOrEqualTo(attempts.get(0).endNanos());
        List<Map<String, Object>> rows = rows(response);
        double total = usd(rows.get(0).get("cost_nano_usd")) + usd(rows.get(1).get("cost_nano_usd"));
        assertThat((Double) request.attribute("gapwise.cost.usd")).isCloseTo(total, within(1e-12));
    }

    @Test
    void aFailedRequestCarriesItsErrorTypeAndAnErrorStatus() {
        gw.upstream.setDefault(Behaviour.status(500));
        HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("cheap-model", false));
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(500);

        OtlpReceiver.Received request = requestSpan(response);
        assertThat(request.attributes()).containsEntry("error.type", "upstream_server_error")
                .containsEntry("http.response.status_code", (long) response.statusCode());
        assertThat(request.status()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    }

    @Test
    void anUnpricedDeploymentHasNoCostAttributeAndSaysItIsUnpriced() {
        HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("free-model", false));
        assertThat(response.statusCode()).isEqualTo(200);

        OtlpReceiver.Received request = requestSpan(response);
        assertThat(request.attributes()).containsEntry("gapwise.deployment", "free@fakeai")
                .containsEntry("gapwise.cost.priced", false)
                .doesNotContainKey("gapwise.cost.usd")
                .containsKey("gapwise.baseline.cost.usd");
        OtlpReceiver.Received attempt = attemptSpans(request, 1).getFirst();
        assertThat(attempt.attributes()).containsEntry("gapwise.cost.priced", false)
                .doesNotContainKey("gapwise.cost.usd");
        assertThat(rows(response).getFirst()).containsEntry("unpriced", 1);
    }
}
