package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.dialect.neutral.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Responses requests as chat requests, and chat answers as response objects. */
class ResponsesMappingTest {
    private static ResponsesWire.Request parse(String json) {
        ResponsesIngress.Parsed parsed = ResponsesIngress.parse((ObjectNode) Json.MAPPER.readTree(json));
        assertThat(parsed).isInstanceOf(ResponsesIngress.Parsed.Ok.class);
        return ((ResponsesIngress.Parsed.Ok) parsed).request();
    }

    @Test
    void groupsConsecutiveFunctionCallsIntoOneAssistantTurnFollowedByTheirResults() {
        ResponsesWire.Request request = parse("""
                {"model":"m","instructions":"Be exact.","input":[
                 {"role":"user","content":"weather in Paris and Rome?"},
                 {"type":"function_call","call_id":"c1","name":"w","arguments":"{\\"city\\":\\"Paris\\"}"},
                 {"type":"function_call","call_id":"c2","name":"w","arguments":"{\\"city\\":\\"Rome\\"}"},
                 {"type":"function_call_output","call_id":"c1","output":"18C"},
                 {"type":"function_call_output","call_id":"c2","output":"24C"},
                 {"role":"user","content":[{"type":"input_text","text":"and this?"},
                   {"type":"input_image","image_url":"data:image/png;base64,iVBORw0KGgo=","detail":"low"}]}],
                 "tools":[{"type":"function","name":"w","parameters":{"type":"object"},"strict":true}],
                 "tool_choice":{"type":"function","name":"w"},"max_output_tokens":100,"stream":true}""");

        ObjectNode chat = ResponsesMapping.chatRequest(request, List.of());

        JsonNode messages = chat.path("messages");
        assertThat(messages.size()).isEqualTo(6);
        assertThat(messages.path(0).path("role").asString()).isEqualTo("system");
        assertThat(messages.path(0).path("content").asString()).isEqualTo("Be exact.");
        assertThat(messages.path(2).path("role").asString()).isEqualTo("assistant");
        assertThat(messages.path(2).path("tool_calls").size()).isEqualTo(2);
        assertThat(messages.path(3).path("tool_call_id").asString()).isEqualTo("c1");
        assertThat(messages.path(4).path("tool_call_id").asString()).isEqualTo("c2");
        assertThat(messages.path(5).path("content").path(1).path("image_url").path("detail").asString()).isEqualTo("low");
        assertThat(chat.path("tools").path(0).path("function").path("strict").asBoolean()).isTrue();
        assertThat(chat.path("tool_choice").path("function").path("name").asString()).isEqualTo("w");
        assertThat(chat.path("max_completion_tokens").asInt()).isEqualTo(100);
        assertThat(chat.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void turnsAChatAnswerIntoAResponseWithTextAndCallItems() {
        ResponsesWire.Request request = parse("{\"model\":\"auto\",\"input\":\"hi\",\"store\":false}");
        JsonNode chat = Json.MAPPER.readTree("""
                {"model":"up-1","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant",
                 "content":"Checking.","tool_calls":[{"id":"call_9","type":"function","function":{"name":"w",
                 "arguments":"{}"}}]}}],"usage":{"prompt_tokens":10,"completion_tokens":7,
                 "prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":2}}}""");

        ObjectNode response = ResponsesObjects.fromChat(chat, request, "resp_1", 1_700_000_000L);

        assertThat(response.path("object").asString()).isEqualTo("response");
        assertThat(response.path("status").asString()).isEqualTo("completed");
        assertThat(response.path("model").asString()).isEqualTo("up-1");
        assertThat(response.path("store").asBoolean()).isFalse();
        assertThat(response.path("output").path(0).path("content").path(0).path("text").asString()).isEqualTo("Checking.");
        assertThat(response.path("output").path(1).path("call_id").asString()).isEqualTo("call_9");
        assertThat(response.path("usage").path("input_tokens_details").path("cached_tokens").asInt()).isEqualTo(4);
        assertThat(response.path("usage").path("output_tokens_details").path("reasoning_tokens").asInt()).isEqualTo(2);
        assertThat(response.path("usage").path("total_tokens").asInt()).isEqualTo(17);
    }

    @Test
    void readsAPlainStringInputAsOneUserMessage() {
        ResponsesWire.Request request = parse("{\"model\":\"m\",\"input\":\"hello\"}");

        assertThat(request.store()).as("store defaults to true, as the API's").isTrue();
        assertThat(request.input()).containsExactly(new ResponsesWire.Item.Message("user",
                List.of(new ResponsesWire.Part.Text("hello", false))));
    }

    @Test
    void servesACustomToolAsAFunctionTakingItsInputAndAnswersWithACustomToolCall() {
        ResponsesWire.Request request = parse("""
                {"model":"m","input":[{"role":"user","content":"fix it"},
                 {"type":"custom_tool_call","call_id":"c1","name":"apply_patch","input":"*** Begin Patch"},
                 {"type":"custom_tool_call_output","call_id":"c1","output":"Done"}],
                 "tools":[{"type":"custom","name":"apply_patch","format":{"type":"grammar","syntax":"lark",
                 "definition":"start: /.+/"}}]}""");

        ObjectNode chat = ResponsesMapping.chatRequest(request, List.of());
        JsonNode function = chat.path("tools").path(0).path("function");
        assertThat(function.path("parameters").path("properties").path("input").path("type").asString())
                .isEqualTo("string");
        assertThat(function.path("description").asString()).contains("lark grammar").contains("start: /.+/");
        assertThat(chat.path("messages").path(1).path("tool_calls").path(0).path("function").path("arguments")
                .asString()).isEqualTo("{\"input\":\"*** Begin Patch\"}");
        assertThat(chat.path("messages").path(2).path("tool_call_id").asString()).isEqualTo("c1");

        JsonNode answer = Json.MAPPER.readTree("""
                {"choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
                 "tool_calls":[{"id":"c2","type":"function","function":{"name":"apply_patch",
                 "arguments":"{\\"input\\":\\"*** End Patch\\"}"}}]}}]}""");
        JsonNode item = ResponsesObjects.fromChat(answer, request, "resp_2", 1L).path("output").path(0);
        assertThat(item.path("type").asString()).isEqualTo("custom_tool_call");
        assertThat(item.path("input").asString()).isEqualTo("*** End Patch");
        assertThat(ResponsesObjects.itemJson(request.input().get(2)).path("type").asString())
                .isEqualTo("custom_tool_call_output");
    }
}
