package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.RawHttp;
import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /v1/responses} on the wire: the exact stream events, cut streams, bad input, notes and the ledger. */
class ResponsesEndpointTest extends SharedGatewayTest {
    /** One stream event: its {@code event:} name and its data. */
    record Event(String name, JsonNode data) {
    }

    static List<Event> events(String sse) {
        List<Event> events = new ArrayList<>();
        String name = null;
        for (String line : sse.lines().toList()) {
            if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                events.add(new Event(name, TestGateway.json(line.substring(6))));
                name = null;
            }
        }
        return events;
    }

    static String request(String model, boolean stream, String extra) {
        return """
                {"model":"%s","stream":%s,"instructions":"Be brief.","input":[{"role":"user","content":[
                {"type":"input_text","text":"Say hello"}]}]%s}""".formatted(model, stream, extra);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheap-model", "claude-fake"})
    void streamsTheExactEventsWithTypeAndSequenceInEveryData(String model) {
        HttpResponse<String> response = gw.post("/v1/responses", request(model, true, ""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/event-stream"));
        List<Event> events = events(response.body());
        List<String> types = events.stream().map(e -> e.data().path("type").asString()).toList();
        assertThat(types.subList(0, 4)).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added");
        assertThat(types.subList(4, types.size() - 4)).isNotEmpty().allMatch("response.output_text.delta"::equals);
        assertThat(types.subList(types.size() - 4, types.size())).containsExactly("response.output_text.done",
                "response.content_part.done", "response.output_item.done", "response.completed");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).name()).isEqualTo(types.get(i));
            assertThat(events.get(i).data().path("sequence_number").asInt(-1)).isEqualTo(i);
        }
        assertThat(events.getFirst().data().path("response").path("status").asString()).isEqualTo("in_progress");
        JsonNode done = events.getLast().data().path("response");
        assertThat(done.path("status").asString()).isEqualTo("completed");
        assertThat(done.path("usage").path("input_tokens").asInt()).isEqualTo(12);
        assertThat(done.path("output").path(0).path("content").path(0).path("text").asString()).isEqualTo(Behaviour.TEXT);
        assertThat(events.get(events.size() - 4).data().path("text").asString()).isEqualTo(Behaviour.TEXT);
    }

    @Test
    void streamsAToolCallAsAFunctionCallItem() {
        HttpResponse<String> response = gw.post("/v1/responses", request("claude-fake", true, """
                ,"tools":[{"type":"function","name":"get_weather","parameters":{"type":"object"}}]"""));

        List<Event> events = events(response.body());
        List<String> types = events.stream().map(e -> e.data().path("type").asString()).distinct().toList();
        assertThat(types).contains("response.function_call_arguments.delta", "response.function_call_arguments.done");
        Event added = events.stream().filter(e -> e.name().equals("response.output_item.added")
                && e.data().path("item").path("type").asString().equals("function_call")).findFirst().orElseThrow();
        assertThat(added.data().path("item").path("name").asString()).isEqualTo("get_weather");
        JsonNode completed = events.getLast().data().path("response");
        assertThat(events.getLast().name()).isEqualTo("response.completed");
        JsonNode call = completed.path("output").path(completed.path("output").size() - 1);
        assertThat(call.path("type").asString()).isEqualTo("function_call");
        assertThat(call.path("arguments").asString()).isEqualTo("{\"location\":\"Paris\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheap-model", "claude-fake"})
    void endsACutUpstreamStreamWithResponseFailedNeverCompleted(String model) {
        gw.upstream.enqueue(Behaviour.ok().cutAfter(2));

        String response = RawHttp.exchange(gw.gateway.uri(), "/v1/responses", request(model, true, ""));

        assertThat(response).startsWith("HTTP/1.1 200").contains("event: response.failed")
                .contains("\"status\":\"failed\"").contains("stream_cut");
        assertThat(response).doesNotContain("response.completed").doesNotContain("response.incomplete");
        assertThat(response).as("no terminating chunk").doesNotEndWith("0\r\n\r\n");
        assertThat(lastRow().get("error_class")).isEqualTo("stream_cut");
    }

    @Test
    void recordsTheCallInTheLedgerWithItsCost() {
        HttpResponse<String> response = gw.post("/v1/responses", request("cheap-model", false, ""));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> row = lastRow();
        assertThat(row.get("requested_model")).isEqualTo("cheap-model");
        assertThat(row.get("deployment")).isEqualTo("cheap@fakeai");
        assertThat(((Number) row.get("input_tokens")).longValue()).isEqualTo(12);
        assertThat(((Number) row.get("cost_nano_usd")).longValue()).isPositive();
        assertThat(response.headers().firstValue("x-gapwise-deployment")).contains("cheap@fakeai");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"model\":\"cheap-model\"}|'input' is required",
            "{\"model\":\"cheap-model\",\"input\":\"hi\",\"tools\":[{\"type\":\"web_search\"}]}|'tools[0].type' 'web_search'",
            "{\"model\":\"cheap-model\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_image\"}]}]}|'input[0].content[0].image_url' is required",
            "{\"model\":\"cheap-model\",\"input\":[{\"type\":\"computer_call\"}]}|'input[0].type' 'computer_call'",
            "{\"model\":\"cheap-model\",\"input\":\"hi\",\"max_output_tokens\":0}|'max_output_tokens'",
            "{\"model\":\"cheap-model\",\"input\":\"hi\",\"reasoning\":{\"effort\":\"maximal\"}}|'reasoning.effort'",
            "{\"model\":\"cheap-model\",\"input\":\"hi\",\"text\":{\"format\":{\"type\":\"json_schema\"}}}|'text.format'",
            "{\"input\":\"hi\"}|'model' is required"})
    void refusesBadInputWithA400NamingTheField(String caseText) {
        String[] parts = caseText.split("\\|");
        HttpResponse<String> response = gw.post("/v1/responses", parts[0]);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = TestGateway.json(response.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asString()).contains(parts[1]);
        assertThat(gw.upstream.received()).isEmpty();
    }

    @Test
    void dropsReasoningEffortWithANote() {
        HttpResponse<String> response = gw.post("/v1/responses", request("cheap-model", false,
                ",\"reasoning\":{\"effort\":\"high\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gapwise-translation")).hasValueSatisfying(v -> assertThat(v)
                .contains("'reasoning.effort' high dropped"));
        assertThat(gw.upstream.received().getLast().body().toString()).doesNotContain("reasoning");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheap-model", "claude-fake"})
    void carriesAJsonSchemaFormatToTheUpstream(String model) {
        gw.post("/v1/responses", request(model, false, """
                ,"text":{"format":{"type":"json_schema","name":"city","schema":{"type":"object","properties":{
                "city":{"type":"string"}}},"strict":true}}"""));

        JsonNode sent = gw.upstream.received().getLast().body();
        if (model.equals("cheap-model")) {
            assertThat(sent.path("response_format").path("json_schema").path("name").asString()).isEqualTo("city");
        } else {
            assertThat(sent.path("system").asString()).contains("JSON Schema").contains("\"city\"");
        }
    }

    @Test
    void listsTheInputItemsOfAStoredResponse() {
        JsonNode response = TestGateway.json(gw.post("/v1/responses", request("cheap-model", false, "")).body());

        HttpResponse<String> listed = gw.get("/v1/responses/" + response.path("id").asString() + "/input_items");

        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode page = TestGateway.json(listed.body());
        assertThat(page.path("object").asString()).isEqualTo("list");
        assertThat(page.path("data").path(0).path("content").path(0).path("text").asString()).isEqualTo("Say hello");
        assertThat(page.path("data").path(0).path("id").asString()).startsWith("msg_");
        assertThat(gw.get("/v1/responses/resp_missing/input_items").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesInputItemsInEitherOrder() {
        JsonNode response = TestGateway.json(gw.post("/v1/responses", """
                {"model":"cheap-model","input":[{"role":"user","content":"one"},{"role":"assistant","content":"two"},
                 {"role":"user","content":"three"}]}""").body());
        String items = "/v1/responses/" + response.path("id").asString() + "/input_items";

        JsonNode first = TestGateway.json(gw.get(items + "?order=asc&limit=2").body());
        JsonNode rest = TestGateway.json(gw.get(items + "?order=asc&limit=2&after="
                + first.path("last_id").asString()).body());

        assertThat(first.path("data").size()).isEqualTo(2);
        assertThat(first.path("data").path(0).path("content").path(0).path("text").asString()).isEqualTo("one");
        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(rest.path("data").size()).isEqualTo(1);
        assertThat(rest.path("data").path(0).path("content").path(0).path("text").asString()).isEqualTo("three");
        assertThat(rest.path("has_more").asBoolean()).isFalse();
        assertThat(gw.get(items + "?limit=500").statusCode()).isEqualTo(400);
        assertThat(TestGateway.json(gw.get(items + "?order=sideways").body()).path("error").path("message").asString())
                .contains("'order'");
    }

    private static Map<String, Object> lastRow() {
        return gw.ledgerRows().stream().max(Comparator.comparing(r -> (String) r.get("at_utc"))).orElseThrow();
    }
}
