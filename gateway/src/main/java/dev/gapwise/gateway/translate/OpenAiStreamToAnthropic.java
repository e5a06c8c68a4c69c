package dev.gapwise.gateway.translate;

import dev.gapwise.gateway.provider.Json;
import dev.gapwise.gateway.provider.TokenCount;
import dev.gapwise.gateway.provider.SseEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI stream chunks into Anthropic stream events: {@code message_start} at the first chunk, one content
 * block per text run or tool call (text deltas, {@code input_json_delta} for arguments), and {@code
 * message_delta} + {@code message_stop} once the usage chunk or {@code [DONE]} arrives. Not thread-safe.
 */
final class OpenAiStreamToAnthropic implements StreamTranslator {
    private boolean started;
    private boolean stopped;
    private int blockIndex = -1;
    private String blockType;
    private int toolIndex = -1;
    private String stopReason = "end_turn";
    private long inputTokens;
    private long outputTokens;

    @Override
    public List<SseEvent> translate(SseEvent upstream) {
        List<SseEvent> out = new ArrayList<>();
        JsonNode chunk = upstream.json();
        if (chunk == null) {
            if ("[DONE]".equals(upstream.data())) {
                out.addAll(finish());
            }
            return out;
        }
        if (!started) {
            started = true;
            ObjectNode message = Json.object().put("id", chunk.path("id").asString("msg_gapwise"))
                    .put("type", "message").put("role", "assistant").put("model", chunk.path("model").asString(""));
            message.putArray("content");
            message.putNull("stop_reason");
            message.putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", 0).put("output_tokens", 0);
            out.add(event("message_start", Json.object().put("type", "message_start").set("message", message)));
        }
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode delta = choice.path("delta");
            String text = delta.path("content").asString("");
            if (!text.isEmpty()) {
                if (!"text".equals(blockType)) {
                    open(out, Json.object().put("type", "text").put("text", ""));
                }
                out.add(delta("text_delta", "text", text));
            }
            for (JsonNode call : delta.path("tool_calls")) {
                int index = call.path("index").asInt(toolIndex + 1);
                if (index != toolIndex || !"tool_use".equals(blockType)) {
                    toolIndex = index;
                    ObjectNode block = Json.object().put("type", "tool_use").put("id", call.path("id").asString(""))
                            .put("name", call.path("function").path("name").asString(""));
                    block.putObject("input");
                    open(out, block);
                }
                String arguments = call.path("function").path("arguments").asString("");
                if (!arguments.isEmpty()) {
                    out.add(delta("input_json_delta", "partial_json", arguments));
                }
            }
            if (choice.path("finish_reason").isString()) {
                stopReason = OpenAiToAnthropic.stopReason(choice.path("finish_reason").stringValue());
                close(out);
            }
        }
        if (chunk.path("usage").isObject()) {
            inputTokens = TokenCount.of(chunk.path("usage").path("prompt_tokens"), inputTokens);
            outputTokens = TokenCount.of(chunk.path("usage").path("completion_tokens"), outputTokens);
        }
        return out;
    }

    @Override
    public List<SseEvent> finish() {
        List<SseEvent> out = new ArrayList<>();
        if (stopped) {
            return out;
        }
        stopped = true;
        close(out);
        ObjectNode delta = Json.object().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        delta.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        out.add(event("message_delta", delta));
        out.add(event("message_stop", Json.object().put("type", "message_stop")));
        return out;
    }

    private void open(List<SseEvent> out, ObjectNode block) {
        close(out);
        blockIndex++;
        blockType = block.path("type").asString();
        out.add(event("content_block_start", Json.object().put("type", "content_block_start")
                .put("index", blockIndex).set("content_block", block)));
    }

    private void close(List<SseEvent> out) {
        if (blockType != null) {
            out.add(event("content_block_stop", Json.object().put("type", "content_block_stop").put("index", blockIndex)));
            blockType = null;
        }
    }

    private SseEvent delta(String type, String field, String value) {
        ObjectNode event = Json.object().put("type", "content_block_delta").put("index", blockIndex);
        event.putObject("delta").put("type", type).put(field, value);
        return event("content_block_delta", event);
    }

    private static SseEvent event(String name, JsonNode data) {
        return SseEvent.of(name, data);
    }
}
