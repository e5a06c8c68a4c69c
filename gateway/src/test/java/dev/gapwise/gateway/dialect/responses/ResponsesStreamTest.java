package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.dialect.neutral.SseEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream encoder alone, on chat chunks written here: endings, tool calls and sequence numbers. */
class ResponsesStreamTest {
    private static final ResponsesWire.Request REQUEST = ((ResponsesIngress.Parsed.Ok) ResponsesIngress.parse(
            (tools.jackson.databind.node.ObjectNode) dev.gapwise.gateway.dialect.neutral.Json.MAPPER.readTree(
                    "{\"model\":\"m\",\"input\":\"hi\",\"max_output_tokens\":5}"))).request();

    private static SseEvent chunk(String json) {
        return SseEvent.parse(null, json);
    }

    private static List<String> types(List<SseEvent> events) {
        return events.stream().map(e -> e.json().path("type").asString()).toList();
    }

    @Test
    void endsWithResponseIncompleteWhenTheOutputHitItsLimit() {
        ResponsesStream stream = new ResponsesStream(REQUEST, "resp_x", 1_700_000_000L);
        List<SseEvent> events = new ArrayList<>(stream.translate(chunk(
                "{\"model\":\"up\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}")));
        events.addAll(stream.translate(chunk("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}")));
        events.addAll(stream.translate(chunk("{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5}}")));
        events.addAll(stream.translate(new SseEvent(null, "[DONE]", null)));
        events.addAll(stream.finish());

        assertThat(types(events)).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.incomplete");
        JsonNode response = events.getLast().json().path("response");
        assertThat(response.path("status").asString()).isEqualTo("incomplete");
        assertThat(response.path("incomplete_details").path("reason").asString()).isEqualTo("max_output_tokens");
        assertThat(response.path("usage").path("output_tokens").asInt()).isEqualTo(5);
        assertThat(response.path("model").asString()).isEqualTo("up");
        assertThat(stream.finish()).as("ends once").isEmpty();
    }

    @Test
    void failsWithWhatWasOutputSoFarAndNeverCompletesAfterwards() {
        ResponsesStream stream = new ResponsesStream(REQUEST, "resp_x", 1_700_000_000L);
        stream.translate(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"partial\"}}]}"));

        List<SseEvent> failed = stream.fail("server_error", "upstream stream_cut: ended before its final event");

        assertThat(types(failed)).containsExactly("response.failed");
        JsonNode response = failed.getFirst().json().path("response");
        assertThat(response.path("status").asString()).isEqualTo("failed");
        assertThat(response.path("error").path("code").asString()).isEqualTo("server_error");
        assertThat(response.path("output").path(0).path("type").asString()).isEqualTo("message");
        assertThat(stream.finish()).isEmpty();
        assertThat(stream.translate(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"late\"}}]}"))).isEmpty();
    }

    @Test
    void streamsTextThenTwoToolCallsAsSeparateItemsInOrder() {
        ResponsesStream stream = new ResponsesStream(REQUEST, "resp_x", 1_700_000_000L);
        List<SseEvent> events = new ArrayList<>();
        events.addAll(stream.translate(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Let me check.\"}}]}")));
        events.addAll(stream.translate(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"call_a\",\"function\":{\"name\":\"one\",\"arguments\":\"{\\\"x\\\":\"}}]}}]}")));
        events.addAll(stream.translate(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"function\":{\"arguments\":\"1}\"}}]}}]}")));
        events.addAll(stream.translate(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,"
                + "\"id\":\"call_b\",\"function\":{\"name\":\"two\",\"arguments\":\"{}\"}}]}}]}")));
        events.addAll(stream.translate(chunk("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}")));
        events.addAll(stream.finish());

        JsonNode output = events.getLast().json().path("response").path("output");
        assertThat(events.getLast().json().path("type").asString()).isEqualTo("response.completed");
        assertThat(output.size()).isEqualTo(3);
        assertThat(output.path(0).path("content").path(0).path("text").asString()).isEqualTo("Let me check.");
        assertThat(output.path(1).path("call_id").asString()).isEqualTo("call_a");
        assertThat(output.path(1).path("arguments").asString()).isEqualTo("{\"x\":1}");
        assertThat(output.path(2).path("name").asString()).isEqualTo("two");
        List<Integer> sequence = events.stream().map(e -> e.json().path("sequence_number").asInt()).toList();
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i);
        }
        List<JsonNode> argumentsDone = events.stream().map(SseEvent::json)
                .filter(j -> j.path("type").asString().equals("response.function_call_arguments.done")).toList();
        assertThat(argumentsDone).extracting(j -> j.path("output_index").asInt()).containsExactly(1, 2);
    }

    @Test
    void streamsACustomToolCallWithItsFreeFormInputWhole() {
        ResponsesWire.Request request = ((ResponsesIngress.Parsed.Ok) ResponsesIngress.parse(
                (tools.jackson.databind.node.ObjectNode) dev.gapwise.gateway.dialect.neutral.Json.MAPPER.readTree("""
                        {"model":"m","input":"patch it","tools":[{"type":"custom","name":"apply_patch"}]}"""))).request();
        ResponsesStream stream = new ResponsesStream(request, "resp_x", 1_700_000_000L);
        List<SseEvent> events = new ArrayList<>();
        events.addAll(stream.translate(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"call_p\",\"function\":{\"name\":\"apply_patch\",\"arguments\":\"{\\\"input\\\":\"}}]}}]}")));
        events.addAll(stream.translate(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"function\":{\"arguments\":\"\\\"*** Begin Patch\\\\n\\\"}\"}}]}}]}")));
        events.addAll(stream.finish());

        assertThat(types(events)).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.custom_tool_call_input.delta",
                "response.custom_tool_call_input.done", "response.output_item.done", "response.completed");
        JsonNode item = events.getLast().json().path("response").path("output").path(0);
        assertThat(item.path("type").asString()).isEqualTo("custom_tool_call");
        assertThat(item.path("call_id").asString()).isEqualTo("call_p");
        assertThat(item.path("input").asString()).isEqualTo("*** Begin Patch\n");
    }
}
