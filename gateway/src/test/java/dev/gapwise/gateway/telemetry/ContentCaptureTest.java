package dev.gapwise.gateway.telemetry;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import dev.gapwise.gateway.dialect.neutral.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code capture_content: true} the request span carries the prompt and the completion in the GenAI
 * conventions' message shape, with credentials redacted; streamed completions are gathered from their events.
 */
class ContentCaptureTest {
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
                  capture_content: true
                  export_interval: 50ms
                """.formatted(receiver.baseUrl()));
    }

    @AfterAll
    static void stop() {
        gw.close();
        receiver.close();
    }

    private static OtlpReceiver.Received requestSpan(HttpResponse<String> response) {
        String id = response.headers().firstValue("x-gapwise-request-id").orElseThrow();
        return receiver.requestSpan(id).orElseThrow(() -> new AssertionError("no span for " + id));
    }

    @Test
    void recordsPromptSystemInstructionsAndCompletionWithCredentialsRedacted() {
        HttpResponse<String> response = gw.post("/v1/chat/completions", """
                {"model":"cheap-model","messages":[
                  {"role":"system","content":"You write reminders."},
                  {"role":"user","content":"Remind me; my key is sk-live-abcdef1234567890XYZ"}]}""");
        assertThat(response.statusCode()).isEqualTo(200);

        OtlpReceiver.Received span = requestSpan(response);
        JsonNode system = Json.MAPPER.readTree((String) span.attribute("gen_ai.system_instructions"));
        assertThat(system.path(0).path("type").asString()).isEqualTo("text");
        assertThat(system.path(0).path("content").asString()).isEqualTo("You write reminders.");
        JsonNode input = Json.MAPPER.readTree((String) span.attribute("gen_ai.input.messages"));
        assertThat(input.size()).isEqualTo(1);
        assertThat(input.path(0).path("role").asString()).isEqualTo("user");
        assertThat(input.path(0).path("parts").path(0).path("content").asString())
                .startsWith("Remind me; my key is ").contains("[REDACTED]").doesNotContain("abcdef1234567890XYZ");
        JsonNode output = Json.MAPPER.readTree((String) span.attribute("gen_ai.output.messages"));
        assertThat(output.path(0).path("role").asString()).isEqualTo("assistant");
        assertThat(output.path(0).path("parts").path(0).path("content").asString())
                .isEqualTo(TestGateway.json(response.body()).path("choices").path(0).path("message").path("content")
                        .asString()).isNotEmpty();
        assertThat(output.path(0).path("finish_reason").asString()).isEqualTo("stop");
    }

    @Test
    void gathersAStreamedAnthropicCompletionFromItsEvents() {
        gw.upstream.enqueue(Behaviour.ok().chunks(3, 0));
        HttpResponse<String> response = gw.post("/v1/messages", """
                {"model":"claude-fake","max_tokens":100,"stream":true,"system":"Be brief.",
                 "messages":[{"role":"user","content":[{"type":"text","text":"Say hello"}]}]}""");
        assertThat(response.statusCode()).isEqualTo(200);

        OtlpReceiver.Received span = requestSpan(response);
        assertThat((String) span.attribute("gen_ai.system_instructions")).contains("Be brief.");
        JsonNode input = Json.MAPPER.readTree((String) span.attribute("gen_ai.input.messages"));
        assertThat(input.path(0).path("parts").path(0).path("content").asString()).isEqualTo("Say hello");
        StringBuilder streamed = new StringBuilder();
        for (String data : TestGateway.dataLines(response.body())) {
            streamed.append(TestGateway.json(data).path("delta").path("text").asString(""));
        }
        JsonNode output = Json.MAPPER.readTree((String) span.attribute("gen_ai.output.messages"));
        assertThat(output.path(0).path("parts").path(0).path("content").asString()).isEqualTo(streamed.toString())
                .isNotEmpty();
        assertThat(output.path(0).path("finish_reason").asString()).isEqualTo("end_turn");
    }
}
