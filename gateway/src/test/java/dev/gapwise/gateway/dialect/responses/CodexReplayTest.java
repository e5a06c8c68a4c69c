package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.dialect.neutral.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Codex CLI session, recorded as the sequence of {@code /v1/responses} requests Codex sends (resources {@code
 * responses/codex-session.json}: stateless turns with the whole input each time, function tools and the free-form
 * {@code apply_patch} custom tool, a reasoning item
 * from an earlier turn, tool results), replayed turn by turn to an OpenAI-dialect and an Anthropic-dialect
 * upstream. Each turn must stream to {@code response.completed} with the output the fixture names, and the
 * upstream must see the whole conversation with every tool call matched to its result.
 */
class CodexReplayTest extends SharedGatewayTest {
    static JsonNode session() {
        try (InputStream in = CodexReplayTest.class.getResourceAsStream("/responses/codex-session.json")) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheap-model", "claude-fake"})
    void replaysACodexSessionTurnByTurn(String model) {
        JsonNode turns = session().path("turns");
        assertThat(turns.size()).isEqualTo(5);
        for (int t = 0; t < turns.size(); t++) {
            JsonNode turn = turns.get(t);
            ObjectNode request = (ObjectNode) turn.path("request").deepCopy();
            request.put("model", model);
            HttpResponse<String> response = gw.post("/v1/responses", Json.write(request));

            assertThat(response.statusCode()).as("turn %d", t).isEqualTo(200);
            assertThat(response.headers().firstValue("x-gapwise-translation")).as("turn %d", t)
                    .hasValueSatisfying(v -> assertThat(v).contains("'reasoning.effort' medium dropped"));
            List<ResponsesEndpointTest.Event> events = ResponsesEndpointTest.events(response.body());
            assertThat(events.getLast().name()).as("turn %d", t).isEqualTo("response.completed");
            JsonNode output = events.getLast().data().path("response").path("output");
            JsonNode last = output.path(output.size() - 1);
            JsonNode expect = turn.path("expect");
            assertThat(last.path("type").asString()).as("turn %d", t).isEqualTo(expect.path("output").asString());
            if (expect.has("tool")) {
                assertThat(last.path("name").asString()).isEqualTo(expect.path("tool").asString());
                assertThat(last.path("call_id").asString()).isNotBlank();
            } else {
                assertThat(last.path("content").path(0).path("text").asString()).contains(expect.path("quotes").asString());
            }
            assertThat(events.getLast().data().path("response").path("store").asBoolean(true)).isFalse();

            JsonNode sent = gw.upstream.received().getLast().body();
            String upstream = sent.toString();
            assertThat(upstream).as("reasoning items stay with the provider that wrote them")
                    .doesNotContain("encrypted_content").doesNotContain("reasoning_effort");
            assertThat(upstream).contains("You are Codex").contains("environment_context")
                    .contains("List the files in this repository.");
            if (model.equals("cheap-model")) {
                assertThat(sent.path("tools").path(0).path("function").path("name").asString()).isEqualTo("shell");
                assertThat(sent.path("parallel_tool_calls").asBoolean(true)).isFalse();
                JsonNode patch = sent.path("tools").path(2).path("function");
                assertThat(patch.path("name").asString()).isEqualTo("apply_patch");
                assertThat(patch.path("parameters").path("required").path(0).asString()).isEqualTo("input");
                assertThat(patch.path("description").asString()).contains("lark grammar").contains("*** Begin Patch");
            } else {
                assertThat(sent.path("tools").path(0).path("name").asString()).isEqualTo("shell");
                assertThat(sent.path("tools").path(2).path("input_schema").path("properties").has("input")).isTrue();
            }
            for (JsonNode item : request.path("input")) {
                if (item.path("type").asString().endsWith("_call_output")) {
                    assertCallMatched(model, sent, item.path("call_id").asString());
                }
            }
        }
    }

    /** The upstream saw the call with this id in an assistant turn and its result after it. */
    private static void assertCallMatched(String model, JsonNode sent, String callId) {
        int call = -1;
        int result = -1;
        JsonNode messages = sent.path("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (model.equals("cheap-model")) {
                for (JsonNode toolCall : message.path("tool_calls")) {
                    if (toolCall.path("id").asString().equals(callId)) {
                        call = i;
                    }
                }
                if (message.path("role").asString().equals("tool") && message.path("tool_call_id").asString().equals(callId)) {
                    result = i;
                }
            } else {
                for (JsonNode block : message.path("content")) {
                    if (block.path("type").asString().equals("tool_use") && block.path("id").asString().equals(callId)) {
                        call = i;
                    }
                    if (block.path("type").asString().equals("tool_result")
                            && block.path("tool_use_id").asString().equals(callId)) {
                        result = i;
                    }
                }
            }
        }
        assertThat(call).as("call %s sent", callId).isNotNegative();
        assertThat(result).as("result of %s sent after it", callId).isGreaterThan(call);
        assertThat(messages.get(call).path("role").asString()).isEqualTo("assistant");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheap-model", "claude-fake"})
    void keepsNothingOfAStatelessSession(String model) {
        ObjectNode request = (ObjectNode) session().path("turns").path(0).path("request").deepCopy();
        request.put("model", model).put("stream", false);
        JsonNode response = TestGateway.json(gw.post("/v1/responses", Json.write(request)).body());

        assertThat(response.path("status").asString()).isEqualTo("completed");
        assertThat(gw.get("/v1/responses/" + response.path("id").asString()).statusCode()).isEqualTo(404);
    }
}
