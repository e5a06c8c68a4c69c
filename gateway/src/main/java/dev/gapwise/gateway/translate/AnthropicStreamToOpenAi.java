package dev.gapwise.gateway.translate;

import dev.gapwise.gateway.provider.Json;
import dev.gapwise.gateway.provider.TokenCount;
import dev.gapwise.gateway.provider.SseEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic stream events into OpenAI chunks: a role chunk at {@code message_start}, content deltas, tool calls
 * numbered in order of their blocks, the finish reason at {@code message_delta}, then the usage chunk (when the
 * client asked for it) and {@code [DONE]} at {@code message_stop}. Not thread-safe.
 */
final class AnthropicStreamToOpenAi implements StreamTranslator {
    private final boolean includeUsage;
    private final long created;
    private String id = "chatcmpl-gapwise";
    private String model = "";
    private int toolIndex = -1;
    private long inputTokens;
    private long outputTokens;
    private boolean done;

    AnthropicStreamToOpenAi(boolean includeUsage, long created) {
        this.includeUsage = includeUsage;
        this.created = created;
    }

    @Override
    public List<SseEvent> translate(SseEvent upstream) {
        JsonNode event = upstream.json();
        if (event == null) {
            return List.of();
        }
        return switch (event.path("type").asString("")) {
            case "message_start" -> {
                JsonNode message = event.path("message");
                id = message.path("id").asString(id);
                model = message.path("model").asString(model);
                inputTokens = AnthropicToOpenAi.inputTokens(message.path("usage"));
                outputTokens = TokenCount.of(message.path("usage").path("output_tokens"), 0);
                ObjectNode delta = Json.object().put("role", "assistant").put("content", "");
                yield List.of(chunk(delta, null));
            }
            case "content_block_start" -> {
                JsonNode block = event.path("content_block");
                if (!block.path("type").asString("").equals("tool_use")) {
                    yield List.of();
                }
                toolIndex++;
                ObjectNode delta = Json.object();
                delta.putArray("tool_calls").addObject().put("index", toolIndex)
                        .put("id", block.path("id").asString("")).put("type", "function")
                        .putObject("function").put("name", block.path("name").asString("")).put("arguments", "");
                yield List.of(chunk(delta, null));
            }
            case "content_block_delta" -> {
                JsonNode delta = event.path("delta");
                yield switch (delta.path("type").asString("")) {
                    case "text_delta" -> List.of(chunk(Json.object().put("content", delta.path("text").asString("")), null));
                    case "input_json_delta" -> {
                        ObjectNode out = Json.object();
                        out.putArray("tool_calls").addObject().put("index", Math.max(toolIndex, 0))
                                .putObject("function").put("arguments", delta.path("partial_json").asString(""));
                        yield List.of(chunk(out, null));
                    }
                    default -> List.of();
                };
            }
            case "message_delta" -> {
                JsonNode usage = event.path("usage");
                outputTokens = TokenCount.of(usage.path("output_tokens"), outputTokens);
                inputTokens = TokenCount.of(usage.path("input_tokens"), inputTokens);
                String stop = event.path("delta").path("stop_reason").asString(null);
                yield stop == null ? List.of() : List.of(chunk(Json.object(), AnthropicToOpenAi.finishReason(stop)));
            }
            case "message_stop" -> finish();
            default -> List.of();
        };
    }

    @Override
    public List<SseEvent> finish() {
        if (done) {
            return List.of();
        }
        done = true;
        List<SseEvent> out = new ArrayList<>();
        if (includeUsage) {
            ObjectNode chunk = base();
            chunk.putArray("choices");
            chunk.putObject("usage").put("prompt_tokens", inputTokens).put("completion_tokens", outputTokens)
                    .put("total_tokens", TokenCount.sum(inputTokens, outputTokens));
            out.add(SseEvent.of(null, chunk));
        }
        out.add(new SseEvent(null, "[DONE]", null));
        return out;
    }

    private SseEvent chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = base();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return SseEvent.of(null, chunk);
    }

    private ObjectNode base() {
        return Json.object().put("id", id).put("object", "chat.completion.chunk").put("created", created)
                .put("model", model);
    }
}
