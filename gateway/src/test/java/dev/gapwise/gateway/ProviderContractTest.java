package dev.gapwise.gateway;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.fake.Behaviour;
import dev.gapwise.gateway.fake.FakeUpstream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every provider dialect passes, through the real gateway against the fake upstream: each upstream
 * dialect is called from each client dialect, JSON and streaming, text and tool calls, with usage in the ledger.
 */
class ProviderContractTest extends SharedGatewayTest {

    /** Upstream dialect (by the model that lands there) × client dialect. */
    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(Dialect.OPENAI, "cheap-model", Dialect.OPENAI),
                Arguments.of(Dialect.OPENAI, "cheap-model", Dialect.ANTHROPIC),
                Arguments.of(Dialect.ANTHROPIC, "claude-fake", Dialect.OPENAI),
                Arguments.of(Dialect.ANTHROPIC, "claude-fake", Dialect.ANTHROPIC));
    }

    private static HttpResponse<String> chat(Dialect client, String model, boolean stream) {
        return client == Dialect.OPENAI
                ? gw.post("/v1/chat/completions", TestGateway.openAiChat(model, stream))
                : gw.post("/v1/messages", TestGateway.anthropicChat(model, stream));
    }

    private static String text(Dialect client, JsonNode body) {
        return client == Dialect.OPENAI ? body.path("choices").path(0).path("message").path("content").asString()
                : body.path("content").path(0).path("text").asString();
    }

    @ParameterizedTest(name = "{0} upstream, {2} client")
    @MethodSource("pairs")
    void answersJsonInTheClientsDialectAndLedgersProviderUsage(Dialect upstream, String model, Dialect client) {
        HttpResponse<String> response = chat(client, model, false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(client, TestGateway.json(response.body()))).isEqualTo(Behaviour.TEXT);
        FakeUpstream.Received sent = gw.upstream.received().getFirst();
        assertThat(sent.path()).isEqualTo(upstream == Dialect.OPENAI ? "/v1/chat/completions" : "/v1/messages");
        assertThat(sent.body().path("model").asString()).endsWith("-upstream");
        Map<String, Object> row = lastRow();
        assertThat(row.get("input_tokens")).isEqualTo(12);
        assertThat(row.get("output_tokens")).isEqualTo(4);
        assertThat(row.get("tokens_estimated")).isEqualTo(0);
        assertThat(row.get("error_class")).isNull();
        assertThat(row.get("ingress")).isEqualTo(client.id());
        assertThat(((Number) row.get("baseline_nano_usd")).longValue())
                .isGreaterThan(((Number) row.get("cost_nano_usd")).longValue());
    }

    @ParameterizedTest(name = "{0} upstream, {2} client")
    @MethodSource("pairs")
    void streamsInTheClientsDialectAndEndsCleanly(Dialect upstream, String model, Dialect client) {
        HttpResponse<String> response = chat(client, model, true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<String> data = TestGateway.dataLines(response.body());
        StringBuilder text = new StringBuilder();
        for (String line : data) {
            if (line.equals("[DONE]")) {
                continue;
            }
            JsonNode event = TestGateway.json(line);
            text.append(client == Dialect.OPENAI
                    ? event.path("choices").path(0).path("delta").path("content").asString("")
                    : event.path("delta").path("text").asString(""));
        }
        assertThat(text.toString()).isEqualTo(Behaviour.TEXT);
        if (client == Dialect.OPENAI) {
            assertThat(data.getLast()).isEqualTo("[DONE]");
        } else {
            assertThat(response.body()).contains("event: message_start").endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        }
        Map<String, Object> row = lastRow();
        assertThat(row.get("input_tokens")).isEqualTo(12);
        assertThat(row.get("output_tokens")).isEqualTo(4);
        assertThat(((Number) row.get("ttft_us")).longValue()).isPositive();
    }

    @ParameterizedTest(name = "{0} upstream, {2} client")
    @MethodSource("pairs")
    void relaysToolCallsBothWays(Dialect upstream, String model, Dialect client) {
        String body = client == Dialect.OPENAI ? """
                {"model":"%s","messages":[{"role":"user","content":"Weather in Paris?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object",
                 "properties":{"location":{"type":"string"}}}}}]}""".formatted(model) : """
                {"model":"%s","max_tokens":50,"messages":[{"role":"user","content":"Weather in Paris?"}],
                 "tools":[{"name":"get_weather","input_schema":{"type":"object",
                 "properties":{"location":{"type":"string"}}}}]}""".formatted(model);
        HttpResponse<String> response = gw.post(client == Dialect.OPENAI ? "/v1/chat/completions" : "/v1/messages", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = TestGateway.json(response.body());
        if (client == Dialect.OPENAI) {
            JsonNode call = json.path("choices").path(0).path("message").path("tool_calls").path(0);
            assertThat(call.path("function").path("name").asString()).isEqualTo("get_weather");
            assertThat(TestGateway.json(call.path("function").path("arguments").asString()).path("location").asString())
                    .isEqualTo("Paris");
            assertThat(json.path("choices").path(0).path("finish_reason").asString()).isEqualTo("tool_calls");
        } else {
            JsonNode use = json.path("content").path(0);
            assertThat(use.path("type").asString()).isEqualTo("tool_use");
            assertThat(use.path("input").path("location").asString()).isEqualTo("Paris");
            assertThat(json.path("stop_reason").asString()).isEqualTo("tool_use");
        }
        JsonNode sentTools = gw.upstream.received().getFirst().body().path("tools").path(0);
        assertThat(upstream == Dialect.OPENAI ? sentTools.path("function").path("name").asString()
                : sentTools.path("name").asString()).isEqualTo("get_weather");
    }

    @ParameterizedTest(name = "{0} upstream, {2} client")
    @MethodSource("pairs")
    void stripsHopByHopHeadersBothWaysAndSendsOnlyTheProviderKeyUpstream(Dialect upstream, String model, Dialect client) {
        String response = RawHttp.exchange(gw.gateway.uri(), client == Dialect.OPENAI ? "/v1/chat/completions" : "/v1/messages",
                client == Dialect.OPENAI ? TestGateway.openAiChat(model, false) : TestGateway.anthropicChat(model, false),
                "Connection: Upgrade, HTTP2-Settings, X-Hop", "X-Hop: secret-hop", "Upgrade: h2c",
                "HTTP2-Settings: AAMAAABkAAQAAP__", "TE: trailers");

        assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("x-gapwise-request-id")
                .doesNotContainIgnoringCase("x-fake-upstream").doesNotContain("upstream-only");

        Map<String, String> headers = gw.upstream.received().getFirst().headers();
        if (upstream == Dialect.OPENAI) {
            assertThat(headers.get("authorization")).isEqualTo("Bearer " + TestGateway.OPENAI_KEY);
        } else {
            assertThat(headers.get("x-api-key")).isEqualTo(TestGateway.ANTHROPIC_KEY);
            assertThat(headers.get("anthropic-version")).isNotBlank();
        }
        assertThat(headers).doesNotContainKeys("x-hop", "upgrade", "te", "http2-settings");
    }

    @ParameterizedTest(name = "{0} upstream, {2} client")
    @MethodSource("pairs")
    void endsACutStreamWithAnErrorNeverCleanly(Dialect upstream, String model, Dialect client) {
        gw.upstream.enqueue(Behaviour.ok().cutAfter(2));

        String response = RawHttp.exchange(gw.gateway.uri(), client == Dialect.OPENAI ? "/v1/chat/completions" : "/v1/messages",
                client == Dialect.OPENAI ? TestGateway.openAiChat(model, true) : TestGateway.anthropicChat(model, true));

        assertThat(response).startsWith("HTTP/1.1 200").contains("stream_cut");
        assertThat(response).doesNotContain("[DONE]").doesNotContain("message_stop");
        assertThat(response).as("no terminating chunk").doesNotEndWith("0\r\n\r\n");
        Map<String, Object> row = lastRow();
        assertThat(row.get("error_class")).isEqualTo("stream_cut");
        assertThat(row.get("tokens_estimated")).isEqualTo(1);
    }

    private static Map<String, Object> lastRow() {
        List<Map<String, Object>> rows = gw.ledgerRows();
        return rows.stream().max(java.util.Comparator.comparing(r -> (String) r.get("at_utc"))).orElseThrow();
    }
}
