package dev.gapwise.gateway.dialect.openai;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAI Chat Completions streams to and from neutral stream events. Each class holds one stream's state and is
 * not thread-safe.
 */
final class OpenAiStream {
    private OpenAiStream() {
    }

    /**
     * Chunks into neutral events: started at the first chunk, one block per text run or tool call, blocks closed at
     * the finish reason, and stopped + ended at {@code [DONE]} (after the usage chunk, which may come between).
     */
    static final class Decoder implements StreamDecoder {
        private boolean started;
        private boolean ended;
        private int blockIndex = -1;
        private String blockType;
        private int toolIndex = -1;
        private Reply.StopReason stop = Reply.StopReason.END_TURN;
        private Reply.Tokens tokens = Reply.Tokens.NONE;

        @Override
        public List<StreamEvent> decode(SseEvent upstream) {
            List<StreamEvent> out = new ArrayList<>();
            JsonNode chunk = upstream.json();
            if (chunk == null) {
                if (OpenAiWire.DONE.equals(upstream.data())) {
                    out.addAll(finish());
                }
                return out;
            }
            if (!started) {
                started = true;
                out.add(new StreamEvent.Started(chunk.path("id").asString(""), chunk.path("model").asString(""),
                        Reply.Tokens.NONE));
            }
            for (JsonNode choice : chunk.path("choices")) {
                JsonNode delta = choice.path("delta");
                String text = delta.path("content").asString("");
                if (!text.isEmpty()) {
                    if (!"text".equals(blockType)) {
                        open(out, "text", new StreamEvent.Block.Text());
                    }
                    out.add(new StreamEvent.TextDelta(blockIndex, text));
                }
                for (JsonNode call : delta.path("tool_calls")) {
                    int index = call.path("index").asInt(toolIndex + 1);
                    if (index != toolIndex || !"tool_use".equals(blockType)) {
                        toolIndex = index;
                        open(out, "tool_use", new StreamEvent.Block.ToolUse(call.path("id").asString(""),
                                call.path("function").path("name").asString("")));
                    }
                    String arguments = call.path("function").path("arguments").asString("");
                    if (!arguments.isEmpty()) {
                        out.add(new StreamEvent.ArgumentsDelta(blockIndex, arguments));
                    }
                }
                if (choice.path("finish_reason").isString()) {
                    stop = OpenAiMapping.stopReason(choice.path("finish_reason").stringValue());
                    close(out);
                }
            }
            if (chunk.path("usage").isObject()) {
                tokens = OpenAiMapping.tokens(chunk.path("usage"));
            }
            return out;
        }

        @Override
        public List<StreamEvent> finish() {
            List<StreamEvent> out = new ArrayList<>();
            if (ended) {
                return out;
            }
            ended = true;
            close(out);
            out.add(new StreamEvent.Stopped(stop, Optional.empty(), tokens));
            out.add(new StreamEvent.Ended());
            return out;
        }

        private void open(List<StreamEvent> out, String type, StreamEvent.Block block) {
            close(out);
            blockIndex++;
            blockType = type;
            out.add(new StreamEvent.BlockStarted(blockIndex, block));
        }

        private void close(List<StreamEvent> out) {
            if (blockType != null) {
                out.add(new StreamEvent.BlockStopped(blockIndex));
                blockType = null;
            }
        }
    }

    /**
     * Neutral events into chunks: a role chunk when started, content deltas, tool calls numbered in order of their
     * blocks, the finish reason when stopped, then the usage chunk (when the client asked for it) and {@code
     * [DONE]} when ended. Thinking has no Chat Completions field and is left out.
     */
    static final class Encoder implements StreamEncoder {
        private final boolean includeUsage;
        private final long created;
        private final Map<Integer, Integer> toolOfBlock = new HashMap<>();
        private String id = "chatcmpl-gapwise";
        private String model = "";
        private Reply.Tokens tokens = Reply.Tokens.NONE;
        private boolean done;

        Encoder(boolean includeUsage, long created) {
            this.includeUsage = includeUsage;
            this.created = created;
        }

        @Override
        public List<SseEvent> encode(StreamEvent event) {
            return switch (event) {
                case StreamEvent.Started started -> {
                    id = started.id().isEmpty() ? id : started.id();
                    model = started.model();
                    tokens = started.tokens();
                    yield List.of(chunk(Json.object().put("role", "assistant").put("content", ""), null));
                }
                case StreamEvent.BlockStarted block when block.block() instanceof StreamEvent.Block.ToolUse use -> {
                    int tool = toolOfBlock.size();
                    toolOfBlock.put(block.index(), tool);
                    ObjectNode delta = Json.object();
                    delta.putArray("tool_calls").addObject().put("index", tool).put("id", use.id()).put("type", "function")
                            .putObject("function").put("name", use.name()).put("arguments", "");
                    yield List.of(chunk(delta, null));
                }
                case StreamEvent.BlockStarted block -> List.of();
                case StreamEvent.TextDelta text -> List.of(chunk(Json.object().put("content", text.text()), null));
                case StreamEvent.ArgumentsDelta arguments -> {
                    ObjectNode delta = Json.object();
                    delta.putArray("tool_calls").addObject()
                            .put("index", toolOfBlock.getOrDefault(arguments.index(), Math.max(0, toolOfBlock.size() - 1)))
                            .putObject("function").put("arguments", arguments.json());
                    yield List.of(chunk(delta, null));
                }
                case StreamEvent.ThinkingDelta thinking -> List.of();
                case StreamEvent.SignatureDelta signature -> List.of();
                case StreamEvent.BlockStopped stopped -> List.of();
                case StreamEvent.Stopped stopped -> {
                    tokens = stopped.tokens();
                    yield List.of(chunk(Json.object(), OpenAiMapping.finishReason(stopped.reason())));
                }
                case StreamEvent.Ended ended -> end();
            };
        }

        private List<SseEvent> end() {
            if (done) {
                return List.of();
            }
            done = true;
            List<SseEvent> out = new ArrayList<>();
            if (includeUsage) {
                ObjectNode chunk = base();
                chunk.putArray("choices");
                chunk.set("usage", OpenAiMapping.usage(tokens));
                out.add(SseEvent.of(null, chunk));
            }
            out.add(new SseEvent(null, OpenAiWire.DONE, null));
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

    /**
     * OpenAI both sides: chunks go through as they came, except the usage chunk the gateway asked for on its own
     * behalf, and a missing {@code [DONE]} is supplied when the stream ended after its finish reason.
     */
    static final class PassThrough implements StreamTranslator {
        private final boolean clientWantsUsage;
        private boolean doneSent;

        PassThrough(boolean clientWantsUsage) {
            this.clientWantsUsage = clientWantsUsage;
        }

        @Override
        public List<SseEvent> translate(SseEvent upstream) {
            if (OpenAiWire.DONE.equals(upstream.data())) {
                doneSent = true;
            } else if (!clientWantsUsage && upstream.json() != null && upstream.json().path("usage").isObject()
                    && upstream.json().path("choices").isEmpty()) {
                return List.of();
            }
            return List.of(upstream);
        }

        @Override
        public List<SseEvent> finish() {
            if (doneSent) {
                return List.of();
            }
            doneSent = true;
            return List.of(new SseEvent(null, OpenAiWire.DONE, null));
        }
    }
}
