package dev.gapwise.gateway.dialect;

import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAI ⇄ Anthropic translation of requests, responses and streams. */
class TranslationTest {
    private static final WireDialect OPENAI = Dialects.of(DialectKind.OPENAI);
    private static final WireDialect ANTHROPIC = Dialects.of(DialectKind.ANTHROPIC);

    static JsonNode translated(Translation.Request request) {
        return switch (request) {
            case Translation.Request.Translated done -> done.body();
            case Translation.Request.Refused refused -> throw new AssertionError(refused.reason());
        };
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) Json.MAPPER.readTree(text);
    }

    @Test
    void movesSystemMessagesAndToolResultsIntoAnthropicShape() {
        ObjectNode openAi = json("""
                {"model":"m","max_tokens":50,"temperature":1.5,"stop":"END","user":"u1",
                 "response_format":{"type":"json_object"},
                 "messages":[{"role":"system","content":"Be brief."},
                   {"role":"user","content":[{"type":"text","text":"Hi"},
                     {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]},
                   {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
                     "function":{"name":"f","arguments":"{\\"a\\":1}"}}]},
                   {"role":"tool","tool_call_id":"c1","content":"42"},
                   {"role":"tool","tool_call_id":"c2","content":"43"}],
                 "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
                 "tool_choice":"required","parallel_tool_calls":false}""");

        JsonNode anthropic = translated(Translation.request(OPENAI, ANTHROPIC, openAi));

        assertThat(anthropic.path("system").asString()).startsWith("Be brief.").contains("JSON object");
        assertThat(anthropic.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(anthropic.path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(anthropic.path("stop_sequences").path(0).asString()).isEqualTo("END");
        assertThat(anthropic.path("metadata").path("user_id").asString()).isEqualTo("u1");
        JsonNode messages = anthropic.path("messages");
        assertThat(messages.size()).isEqualTo(3);
        assertThat(messages.path(0).path("content").path(1).path("source").path("media_type").asString()).isEqualTo("image/png");
        assertThat(messages.path(1).path("content").path(0).path("input").path("a").asInt()).isEqualTo(1);
        assertThat(messages.path(2).path("role").asString()).isEqualTo("user");
        assertThat(messages.path(2).path("content").size()).isEqualTo(2);
        assertThat(messages.path(2).path("content").path(1).path("tool_use_id").asString()).isEqualTo("c2");
        assertThat(anthropic.path("tool_choice").path("type").asString()).isEqualTo("any");
        assertThat(anthropic.path("tool_choice").path("disable_parallel_tool_use").asBoolean()).isTrue();
    }

    @Test
    void givesAnthropicItsRequiredMaxTokensWhenTheOpenAiClientSentNone() {
        JsonNode anthropic = translated(Translation.request(OPENAI, ANTHROPIC,
                json("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")));

        assertThat(anthropic.path("max_tokens").asInt()).isEqualTo(4096);
    }

    @Test
    void turnsAnthropicToolUseAndResultsIntoOpenAiMessages() {
        ObjectNode anthropic = json("""
                {"model":"m","max_tokens":10,"system":[{"type":"text","text":"Sys"}],"stop_sequences":["X"],
                 "messages":[{"role":"user","content":"Weather?"},
                   {"role":"assistant","content":[{"type":"text","text":"Checking."},
                     {"type":"tool_use","id":"t1","name":"w","input":{"city":"Oslo"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"cold"},
                     {"type":"text","text":"Thanks"}]}],
                 "tools":[{"name":"w","input_schema":{"type":"object"}}],"tool_choice":{"type":"tool","name":"w"}}""");

        JsonNode openAi = translated(Translation.request(ANTHROPIC, OPENAI, anthropic));

        JsonNode messages = openAi.path("messages");
        assertThat(messages).extracting(m -> m.path("role").asString())
                .containsExactly("system", "user", "assistant", "tool", "user");
        assertThat(messages.path(2).path("tool_calls").path(0).path("function").path("arguments").asString())
                .isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(messages.path(3).path("content").asString()).isEqualTo("cold");
        assertThat(openAi.path("stop").path(0).asString()).isEqualTo("X");
        assertThat(openAi.path("tool_choice").path("function").path("name").asString()).isEqualTo("w");
    }

    @Test
    void mapsStopReasonsAndUsageOfCompleteResponsesBothWays() {
        JsonNode fromAnthropic = Translation.response(ANTHROPIC, OPENAI, json("""
                {"id":"msg1","model":"c","content":[{"type":"text","text":"Hi"}],"stop_reason":"max_tokens",
                 "usage":{"input_tokens":5,"output_tokens":7,"cache_read_input_tokens":2}}"""), 100);
        JsonNode fromOpenAi = Translation.response(OPENAI, ANTHROPIC, json("""
                {"id":"c1","model":"g","choices":[{"message":{"content":"Yo"},"finish_reason":"length"}],
                 "usage":{"prompt_tokens":3,"completion_tokens":4}}"""), 100);

        assertThat(fromAnthropic.path("choices").path(0).path("finish_reason").asString()).isEqualTo("length");
        assertThat(fromAnthropic.path("usage").path("prompt_tokens").asLong()).isEqualTo(7);
        assertThat(fromOpenAi.path("stop_reason").asString()).isEqualTo("max_tokens");
        assertThat(fromOpenAi.path("usage").path("output_tokens").asLong()).isEqualTo(4);
    }

    @Test
    void streamsOpenAiToolCallsAsAnthropicToolUseBlocks() {
        StreamTranslator translator = Translation.stream(OPENAI, ANTHROPIC, false, 0);
        List<SseEvent> out = new ArrayList<>();
        for (String data : List.of(
                "{\"id\":\"x\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hm\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}",
                "{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}", "[DONE]")) {
            out.addAll(translator.translate(SseEvent.parse(null, data)));
        }
        out.addAll(translator.finish());

        assertThat(out).extracting(SseEvent::name).containsExactly("message_start", "content_block_start",
                "content_block_delta", "content_block_stop", "content_block_start", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertThat(out.get(4).json().path("content_block").path("type").asString()).isEqualTo("tool_use");
        assertThat(out.get(7).json().path("delta").path("stop_reason").asString()).isEqualTo("tool_use");
        assertThat(out.get(7).json().path("usage").path("output_tokens").asLong()).isEqualTo(2);
    }

    @Test
    void refusesAnOpenAiPartAnthropicCannotCarryNamingWhereItIs() {
        Translation.Request request = Translation.request(OPENAI, ANTHROPIC, json("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"},
                  {"type":"input_audio","input_audio":{"data":"AAAA","format":"wav"}}]}]}"""));

        assertThat(request).isInstanceOfSatisfying(Translation.Request.Refused.class, refused -> assertThat(
                refused.reason()).startsWith("messages[0].content[1]: an OpenAI 'input_audio' part")
                .contains("no Anthropic Messages equivalent"));
    }

    @Test
    void dropsThinkingForOpenAiWithNotesAndKeepsItWithItsSignatureOtherwise() {
        ObjectNode anthropic = json("""
                {"model":"m","max_tokens":10,"thinking":{"type":"enabled","budget_tokens":1024},
                 "messages":[{"role":"user","content":"Hi"},
                   {"role":"assistant","content":[{"type":"thinking","thinking":"hm","signature":"sig-1"},
                     {"type":"text","text":"Hello"}]},
                   {"role":"user","content":"Again"}]}""");

        Translation.Request.Translated toOpenAi = (Translation.Request.Translated) Translation.request(ANTHROPIC,
                OPENAI, anthropic);
        ObjectNode back = ANTHROPIC.mapping().fromNeutral(ANTHROPIC.mapping().toNeutral(anthropic), new ArrayList<>());

        assertThat(toOpenAi.body().toString()).doesNotContain("sig-1").doesNotContain("budget_tokens");
        assertThat(toOpenAi.notes()).anyMatch(n -> n.startsWith("thinking blocks dropped"))
                .anyMatch(n -> n.startsWith("'thinking' dropped"));
        assertThat(back.path("messages").path(1).path("content").path(0).path("signature").asString()).isEqualTo("sig-1");
        assertThat(back.path("thinking").path("budget_tokens").asInt()).as("extras go back to their own dialect")
                .isEqualTo(1024);
    }

    @Test
    void streamsAnthropicThinkingAndToolsToOpenAiWithoutTheThinking() {
        StreamTranslator translator = Translation.stream(ANTHROPIC, OPENAI, true, 7);
        List<SseEvent> out = new ArrayList<>();
        for (String data : List.of(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"c\",\"usage\":{\"input_tokens\":5,\"cache_read_input_tokens\":3,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"secret\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"sig\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"f\",\"input\":{}}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{}\"}}",
                "{\"type\":\"content_block_stop\",\"index\":1}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":9}}",
                "{\"type\":\"message_stop\"}")) {
            out.addAll(translator.translate(SseEvent.parse(null, data)));
        }
        out.addAll(translator.finish());

        String all = out.stream().map(SseEvent::data).reduce("", String::concat);
        assertThat(all).doesNotContain("secret").doesNotContain("sig");
        JsonNode tool = out.get(1).json().path("choices").path(0).path("delta").path("tool_calls").path(0);
        assertThat(tool.path("index").asInt()).as("the first tool is index 0 whatever its block index").isZero();
        assertThat(out.get(out.size() - 2).json().path("usage").path("prompt_tokens").asLong()).isEqualTo(8);
        assertThat(out.getLast().data()).isEqualTo("[DONE]");
    }
}
