package dev.gapwise.gateway.dialect.anthropic;

import dev.gapwise.gateway.dialect.StreamDecoder;
import dev.gapwise.gateway.dialect.StreamEncoder;
import dev.gapwise.gateway.dialect.StreamTranslator;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.Reply;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.neutral.StreamEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Anthropic Messages streams to and from neutral stream events; the two are nearly one to one. Each class holds
 * one stream's state and is not thread-safe.
 */
final class AnthropicStream {
    private AnthropicStream() {
    }

    /**
     * Named events into neutral events. Blocks with no neutral meaning (a server tool's use or result) are skipped
     * with their deltas; {@code ping} and {@code error} give nothing (the upstream's tracker sees the error).
     */
    static final class Decoder implements StreamDecoder {
        private final Set<Integer> skipped = new HashSet<>();
        private Reply.Tokens tokens = Reply.Tokens.NONE;
        private boolean stopped;
        private boolean ended;

        @Override
        public List<StreamEvent> decode(SseEvent upstream) {
            JsonNode event = upstream.json();
            if (event == null || ended) {
                return List.of();
            }
            int index = event.path("index").asInt(0);
            return switch (event.path("type").asString("")) {
                case AnthropicWire.MESSAGE_START -> {
                    JsonNode message = event.path("message");
                    tokens = AnthropicMapping.tokens(message.path("usage"), Reply.Tokens.NONE);
                    yield List.of(new StreamEvent.Started(message.path("id").asString(""),
                            message.path("model").asString(""), tokens));
                }
                case "content_block_start" -> start(index, event.path("content_block"));
                case AnthropicWire.CONTENT_BLOCK_DELTA -> skipped.contains(index) ? List.of() : delta(index, event.path("delta"));
                case "content_block_stop" -> skipped.contains(index) ? List.of() : List.of(new StreamEvent.BlockStopped(index));
                case AnthropicWire.MESSAGE_DELTA -> {
                    tokens = AnthropicMapping.tokens(event.path("usage"), tokens);
                    stopped = true;
                    yield List.of(new StreamEvent.Stopped(
                            AnthropicMapping.stopReason(event.path("delta").path("stop_reason").asString("end_turn")),
                            Optional.ofNullable(event.path("delta").path("stop_sequence").asString(null)), tokens));
                }
                case AnthropicWire.MESSAGE_STOP -> finish();
                default -> List.of();
            };
        }

        private List<StreamEvent> start(int index, JsonNode block) {
            StreamEvent.Block kind = switch (block.path("type").asString("")) {
                case "text" -> new StreamEvent.Block.Text();
                case "tool_use" -> new StreamEvent.Block.ToolUse(block.path("id").asString(""), block.path("name").asString(""));
                case "thinking" -> new StreamEvent.Block.Thinking();
                case "redacted_thinking" -> new StreamEvent.Block.RedactedThinking(block.path("data").asString(""));
                default -> null;
            };
            if (kind == null) {
                skipped.add(index);
                return List.of();
            }
            List<StreamEvent> out = new ArrayList<>(2);
            out.add(new StreamEvent.BlockStarted(index, kind));
            String text = block.path("text").asString("");
            if (!text.isEmpty()) {
                out.add(new StreamEvent.TextDelta(index, text));
            }
            return out;
        }

        private static List<StreamEvent> delta(int index, JsonNode delta) {
            return switch (delta.path("type").asString("")) {
                case "text_delta" -> List.of(new StreamEvent.TextDelta(index, delta.path("text").asString("")));
                case "input_json_delta" -> List.of(new StreamEvent.ArgumentsDelta(index, delta.path("partial_json").asString("")));
                case "thinking_delta" -> List.of(new StreamEvent.ThinkingDelta(index, delta.path("thinking").asString("")));
                case "signature_delta" -> List.of(new StreamEvent.SignatureDelta(index, delta.path("signature").asString("")));
                default -> List.of();
            };
        }

        @Override
        public List<StreamEvent> finish() {
            if (ended) {
                return List.of();
            }
            ended = true;
            List<StreamEvent> out = new ArrayList<>(2);
            if (!stopped) {
                out.add(new StreamEvent.Stopped(Reply.StopReason.END_TURN, Optional.empty(), tokens));
            }
            out.add(new StreamEvent.Ended());
            return out;
        }
    }

    /** Neutral events into named Anthropic events, one for one. */
    static final class Encoder implements StreamEncoder {
        private boolean ended;

        @Override
        public List<SseEvent> encode(StreamEvent event) {
            if (ended) {
                return List.of();
            }
            return switch (event) {
                case StreamEvent.Started started -> {
                    ObjectNode message = Json.object().put("id", started.id().isEmpty() ? "msg_gapwise" : started.id())
                            .put("type", "message").put("role", "assistant").put("model", started.model());
                    message.putArray("content");
                    message.putNull("stop_reason");
                    message.putNull("stop_sequence");
                    message.set("usage", AnthropicMapping.usage(started.tokens()));
                    yield List.of(event("message_start", Json.object().put("type", "message_start").set("message", message)));
                }
                case StreamEvent.BlockStarted started -> {
                    ObjectNode block = switch (started.block()) {
                        case StreamEvent.Block.Text text -> Json.object().put("type", "text").put("text", "");
                        case StreamEvent.Block.ToolUse use -> {
                            ObjectNode tool = Json.object().put("type", "tool_use").put("id", use.id()).put("name", use.name());
                            tool.putObject("input");
                            yield tool;
                        }
                        case StreamEvent.Block.Thinking thinking ->
                                Json.object().put("type", "thinking").put("thinking", "").put("signature", "");
                        case StreamEvent.Block.RedactedThinking redacted ->
                                Json.object().put("type", "redacted_thinking").put("data", redacted.data());
                    };
                    yield List.of(event("content_block_start", Json.object().put("type", "content_block_start")
                            .put("index", started.index()).set("content_block", block)));
                }
                case StreamEvent.TextDelta text -> delta(text.index(), "text_delta", "text", text.text());
                case StreamEvent.ArgumentsDelta arguments ->
                        delta(arguments.index(), "input_json_delta", "partial_json", arguments.json());
                case StreamEvent.ThinkingDelta thinking -> delta(thinking.index(), "thinking_delta", "thinking", thinking.text());
                case StreamEvent.SignatureDelta signature ->
                        delta(signature.index(), "signature_delta", "signature", signature.signature());
                case StreamEvent.BlockStopped stopped -> List.of(event("content_block_stop",
                        Json.object().put("type", "content_block_stop").put("index", stopped.index())));
                case StreamEvent.Stopped stopped -> {
                    ObjectNode delta = Json.object().put("type", "message_delta");
                    ObjectNode inner = delta.putObject("delta").put("stop_reason", AnthropicMapping.stopReason(stopped.reason()));
                    stopped.stopSequence().ifPresentOrElse(s -> inner.put("stop_sequence", s), () -> inner.putNull("stop_sequence"));
                    delta.putObject("usage").put("input_tokens", stopped.tokens().uncachedPrompt())
                            .put("output_tokens", stopped.tokens().output());
                    yield List.of(event("message_delta", delta));
                }
                case StreamEvent.Ended end -> {
                    ended = true;
                    yield List.of(event(AnthropicWire.MESSAGE_STOP, Json.object().put("type", AnthropicWire.MESSAGE_STOP)));
                }
            };
        }

        private static List<SseEvent> delta(int index, String type, String field, String value) {
            ObjectNode event = Json.object().put("type", "content_block_delta").put("index", index);
            event.putObject("delta").put("type", type).put(field, value);
            return List.of(event("content_block_delta", event));
        }

        private static SseEvent event(String name, JsonNode data) {
            return SseEvent.of(name, data);
        }
    }

    /** Anthropic both sides: events go through as they came; the stream's own {@code message_stop} ends it. */
    static final class PassThrough implements StreamTranslator {
        @Override
        public List<SseEvent> translate(SseEvent upstream) {
            return List.of(upstream);
        }

        @Override
        public List<SseEvent> finish() {
            return List.of();
        }
    }
}
