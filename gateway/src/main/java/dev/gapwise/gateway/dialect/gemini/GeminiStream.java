package dev.gapwise.gateway.dialect.gemini;

import dev.gapwise.gateway.dialect.StreamDecoder;
import dev.gapwise.gateway.dialect.StreamEncoder;
import dev.gapwise.gateway.dialect.StreamTranslator;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.Reply;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.neutral.StreamEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Gemini {@code ?alt=sse} streams to and from neutral stream events. A Gemini stream is a run of whole
 * {@code GenerateContentResponse} chunks (text arrives in pieces, a function call whole), the last carrying {@code
 * finishReason} and {@code usageMetadata}; it has no terminator. Each class holds one stream's state and is not
 * thread-safe.
 */
final class GeminiStream {
    private GeminiStream() {
    }

    /** Chunks into neutral events: started at the first chunk, one block per text run or call, stopped at the finish. */
    static final class Decoder implements StreamDecoder {
        private boolean started;
        private boolean ended;
        private int blockIndex = -1;
        private boolean textOpen;
        private int calls;
        private Reply.Tokens tokens = Reply.Tokens.NONE;

        @Override
        public List<StreamEvent> decode(SseEvent upstream) {
            List<StreamEvent> out = new ArrayList<>();
            JsonNode chunk = upstream.json();
            if (chunk == null || ended || chunk.has("error")) {
                return out;
            }
            if (!started) {
                started = true;
                out.add(new StreamEvent.Started(chunk.path("responseId").asString("gemini"),
                        chunk.path("modelVersion").asString(""), Reply.Tokens.NONE));
            }
            JsonNode candidate = chunk.path("candidates").path(0);
            for (JsonNode part : candidate.path("content").path("parts")) {
                if (part.path("thought").asBoolean(false)) {
                    continue;
                }
                if (part.has("functionCall")) {
                    closeText(out);
                    JsonNode call = part.path("functionCall");
                    blockIndex++;
                    out.add(new StreamEvent.BlockStarted(blockIndex, new StreamEvent.Block.ToolUse(
                            call.path("id").asString("call_" + calls), call.path("name").asString(""))));
                    out.add(new StreamEvent.ArgumentsDelta(blockIndex,
                            Json.write(call.path("args").isObject() ? call.path("args") : Json.object())));
                    out.add(new StreamEvent.BlockStopped(blockIndex));
                    calls++;
                } else if (part.path("text").isString() && !part.path("text").stringValue().isEmpty()) {
                    if (!textOpen) {
                        blockIndex++;
                        out.add(new StreamEvent.BlockStarted(blockIndex, new StreamEvent.Block.Text()));
                        textOpen = true;
                    }
                    out.add(new StreamEvent.TextDelta(blockIndex, part.path("text").stringValue()));
                }
            }
            if (chunk.path("usageMetadata").isObject()) {
                tokens = GeminiMapping.tokens(chunk.path("usageMetadata"));
            }
            String finish = candidate.path("finishReason").asString("");
            if (!finish.isEmpty() && !finish.equals("FINISH_REASON_UNSPECIFIED")) {
                closeText(out);
                out.add(new StreamEvent.Stopped(GeminiMapping.stop(finish, calls > 0), java.util.Optional.empty(),
                        tokens));
                out.add(new StreamEvent.Ended());
                ended = true;
            }
            return out;
        }

        private void closeText(List<StreamEvent> out) {
            if (textOpen) {
                out.add(new StreamEvent.BlockStopped(blockIndex));
                textOpen = false;
            }
        }

        @Override
        public List<StreamEvent> finish() {
            List<StreamEvent> out = new ArrayList<>();
            if (started && !ended) {
                closeText(out);
                out.add(new StreamEvent.Stopped(calls > 0 ? Reply.StopReason.TOOL_USE : Reply.StopReason.END_TURN,
                        java.util.Optional.empty(), tokens));
                out.add(new StreamEvent.Ended());
                ended = true;
            }
            return out;
        }
    }

    /** Neutral events as Gemini chunks: one per text or thought delta, one per whole function call, one to finish. */
    static final class Encoder implements StreamEncoder {
        private String id = "gemini";
        private String model = "";
        private String callId;
        private String callName;
        private StringBuilder arguments;

        @Override
        public List<SseEvent> encode(StreamEvent event) {
            return switch (event) {
                case StreamEvent.Started started -> {
                    id = started.id();
                    model = started.model();
                    yield List.of();
                }
                case StreamEvent.BlockStarted opened -> {
                    if (opened.block() instanceof StreamEvent.Block.ToolUse use) {
                        callId = use.id();
                        callName = use.name();
                        arguments = new StringBuilder();
                    }
                    yield List.of();
                }
                case StreamEvent.TextDelta delta -> List.of(chunk(part -> part.put("text", delta.text()), null, null));
                case StreamEvent.ThinkingDelta delta -> List.of(chunk(part -> part.put("text", delta.text())
                        .put("thought", true), null, null));
                case StreamEvent.ArgumentsDelta delta -> {
                    if (arguments != null) {
                        arguments.append(delta.json());
                    }
                    yield List.of();
                }
                case StreamEvent.SignatureDelta signature -> List.of();
                case StreamEvent.BlockStopped stopped -> {
                    if (arguments == null) {
                        yield List.of();
                    }
                    JsonNode args = arguments.isEmpty() ? Json.object()
                            : Json.parseOrNull(arguments.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    String callIdNow = callId;
                    String name = callName;
                    arguments = null;
                    yield List.of(chunk(part -> part.putObject("functionCall").put("id", callIdNow).put("name", name)
                            .set("args", args != null && args.isObject() ? args : Json.object()), null, null));
                }
                case StreamEvent.Stopped stopped -> List.of(chunk(part -> part.put("text", ""),
                        GeminiMapping.finishReason(stopped.reason()), GeminiMapping.usageMetadata(stopped.tokens())));
                case StreamEvent.Ended ended -> List.of();
            };
        }

        private SseEvent chunk(java.util.function.Consumer<ObjectNode> part, String finishReason, ObjectNode usage) {
            ObjectNode out = Json.object();
            ObjectNode candidate = out.putArray("candidates").addObject();
            ArrayNode parts = candidate.putObject("content").put("role", GeminiWire.MODEL_ROLE).putArray("parts");
            part.accept(parts.addObject());
            if (finishReason != null) {
                candidate.put("finishReason", finishReason);
            }
            candidate.put("index", 0);
            if (usage != null) {
                out.set("usageMetadata", usage);
            }
            out.put("modelVersion", model).put("responseId", id);
            return SseEvent.of(null, out);
        }
    }

    /** Gemini to Gemini: every chunk as it came; a Gemini stream owes no closing event. */
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
