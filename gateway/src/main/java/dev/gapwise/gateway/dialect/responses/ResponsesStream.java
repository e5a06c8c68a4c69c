package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Re-encodes one Chat Completions stream as Responses stream events. The first chunk opens the response ({@code
 * response.created}, {@code response.in_progress}); text opens a message item ({@code output_item.added}, {@code
 * content_part.added}) and goes out as {@code output_text.delta}; each tool call opens a function-call item whose
 * arguments go out as {@code function_call_arguments.delta} (a custom tool's call opens a {@code custom_tool_call}
 * item whose input goes out whole when it is complete). {@link #finish} closes the open items ({@code .done}
 * events with the full text) and ends with {@code response.completed} (or {@code response.incomplete} when the
 * output hit its limit) carrying the output and usage; {@link #fail} ends with {@code response.failed} instead.
 * Every event names its {@code type} inside {@code data} and carries a {@code sequence_number}. Not thread-safe:
 * one per stream.
 *
 * <p>How it works: items are numbered by {@code output_index} in the order they open; one item is open at a time
 * (chat streams text before tool calls, and tool calls one after another), so opening one closes the previous.
 */
public final class ResponsesStream {
    private final ResponsesWire.Request request;
    private final String id;
    private final long createdAt;
    private final List<SseEvent> out = new ArrayList<>();
    private final ArrayNode output = Json.MAPPER.createArrayNode();
    private final TreeMap<Integer, Integer> callItems = new TreeMap<>();
    private final java.util.Set<String> customTools;
    private int sequence;
    private boolean opened;
    private boolean ended;
    private String model;
    private Open open;
    private String finishReason;
    private Optional<ResponsesWire.Usage> usage = Optional.empty();

    /** What the open item is. */
    private enum Kind { MESSAGE, FUNCTION_CALL, CUSTOM_CALL }

    /** The item being streamed: a message's text or a call's arguments. */
    private record Open(int index, ObjectNode item, StringBuilder text, Kind kind) {
    }

    public ResponsesStream(ResponsesWire.Request request, String id, long createdAt) {
        this.request = request;
        this.id = id;
        this.createdAt = createdAt;
        this.model = request.model();
        this.customTools = request.customTools();
    }

    /** The response events for one chat chunk (none for {@code [DONE]} and empty chunks). */
    public List<SseEvent> translate(SseEvent chunk) {
        JsonNode json = chunk.json();
        if (ended || json == null || !json.isObject()) {
            return List.of();
        }
        openResponse(json);
        ResponsesObjects.chatUsage(json).ifPresent(value -> usage = Optional.of(value));
        JsonNode choice = json.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        if (delta.path("content").isString() && !delta.path("content").stringValue().isEmpty()) {
            text(delta.path("content").stringValue());
        }
        for (JsonNode call : delta.path("tool_calls")) {
            toolCall(call);
        }
        if (choice.path("finish_reason").isString()) {
            finishReason = choice.path("finish_reason").stringValue();
        }
        return drain();
    }

    /** The closing events of a stream that ended cleanly. */
    public List<SseEvent> finish() {
        if (ended) {
            return List.of();
        }
        openResponse(Json.object());
        close();
        ended = true;
        Optional<String> incomplete = ResponsesObjects.incompleteReason(finishReason);
        ObjectNode response = current(incomplete.isPresent() ? ResponsesWire.Status.INCOMPLETE
                : ResponsesWire.Status.COMPLETED, Optional.empty(), incomplete);
        emit(incomplete.isPresent() ? "response.incomplete" : "response.completed", Json.object().set("response", response));
        return drain();
    }

    /**
     * The closing event of a stream that broke: {@code response.failed} with the error and what was output so far.
     *
     * @param code    the Responses error code ({@code server_error}, {@code rate_limit_exceeded})
     * @param message what went wrong
     */
    public List<SseEvent> fail(String code, String message) {
        if (ended) {
            return List.of();
        }
        openResponse(Json.object());
        ended = true;
        ObjectNode error = Json.object().put("code", code).put("message", message);
        emit("response.failed", Json.object().set("response", current(ResponsesWire.Status.FAILED, Optional.of(error),
                Optional.empty())));
        return drain();
    }

    /** The response as it stands, for storing after {@link #finish}. */
    public ObjectNode response() {
        Optional<String> incomplete = ResponsesObjects.incompleteReason(finishReason);
        return current(incomplete.isPresent() ? ResponsesWire.Status.INCOMPLETE : ResponsesWire.Status.COMPLETED,
                Optional.empty(), incomplete);
    }

    private void openResponse(JsonNode chunk) {
        if (opened) {
            return;
        }
        opened = true;
        if (chunk.path("model").isString()) {
            model = chunk.path("model").stringValue();
        }
        emit("response.created", Json.object().set("response", current(ResponsesWire.Status.IN_PROGRESS,
                Optional.empty(), Optional.empty())));
        emit("response.in_progress", Json.object().set("response", current(ResponsesWire.Status.IN_PROGRESS,
                Optional.empty(), Optional.empty())));
    }

    private void text(String delta) {
        if (open == null || open.kind() != Kind.MESSAGE) {
            close();
            ObjectNode item = ResponsesObjects.messageItem(ResponsesMapping.newId("msg"), null,
                    ResponsesWire.Status.IN_PROGRESS);
            open = new Open(output.size(), item, new StringBuilder(), Kind.MESSAGE);
            output.add(item);
            emit("response.output_item.added", Json.object().put("output_index", open.index()).set("item", item.deepCopy()));
            emit("response.content_part.added", part(ResponsesObjects.textPart("")));
        }
        open.text().append(delta);
        ObjectNode event = itemRef().put("content_index", 0).put("delta", delta);
        event.putArray("logprobs");
        emit("response.output_text.delta", event);
    }

    private void toolCall(JsonNode call) {
        int index = call.path("index").asInt(0);
        Integer itemIndex = callItems.get(index);
        if (itemIndex == null) {
            close();
            String name = call.path("function").path("name").asString("");
            String callId = call.path("id").asString(ResponsesMapping.newId("call"));
            boolean custom = customTools.contains(name);
            ObjectNode item = custom ? ResponsesObjects.customToolCallItem(ResponsesMapping.newId("ctc"), callId, name, "")
                    : ResponsesObjects.functionCallItem(ResponsesMapping.newId("fc"), callId, name, "",
                    ResponsesWire.Status.IN_PROGRESS);
            open = new Open(output.size(), item, new StringBuilder(), custom ? Kind.CUSTOM_CALL : Kind.FUNCTION_CALL);
            callItems.put(index, open.index());
            output.add(item);
            emit("response.output_item.added", Json.object().put("output_index", open.index()).set("item", item.deepCopy()));
        } else if (open == null || open.index() != itemIndex) {
            return; // a late fragment of a call already closed: chat streams do not interleave calls
        }
        String arguments = call.path("function").path("arguments").asString("");
        if (!arguments.isEmpty()) {
            open.text().append(arguments);
            if (open.kind() == Kind.FUNCTION_CALL) {
                emit("response.function_call_arguments.delta", itemRef().put("delta", arguments));
            }
        }
    }

    /** Closes the open item with its {@code .done} events. */
    private void close() {
        if (open == null) {
            return;
        }
        String text = open.text().toString();
        ObjectNode item = open.item();
        switch (open.kind()) {
            case MESSAGE -> {
                item.put("status", ResponsesWire.Status.COMPLETED.wire());
                ObjectNode textDone = itemRef().put("content_index", 0).put("text", text);
                textDone.putArray("logprobs");
                emit("response.output_text.done", textDone);
                ObjectNode part = ResponsesObjects.textPart(text);
                emit("response.content_part.done", part(part));
                ((ArrayNode) item.get("content")).add(part);
            }
            case FUNCTION_CALL -> {
                item.put("status", ResponsesWire.Status.COMPLETED.wire());
                item.put("arguments", text);
                emit("response.function_call_arguments.done", itemRef().put("name", item.path("name").asString(""))
                        .put("arguments", text));
            }
            case CUSTOM_CALL -> {
                // the chat arguments are JSON fragments around the input: it goes out whole once complete
                String input = ResponsesMapping.customInput(text);
                item.put("input", input);
                emit("response.custom_tool_call_input.delta", itemRef().put("delta", input));
                emit("response.custom_tool_call_input.done", itemRef().put("input", input));
            }
        }
        emit("response.output_item.done", Json.object().put("output_index", open.index()).set("item", item.deepCopy()));
        open = null;
    }

    private ObjectNode itemRef() {
        return Json.object().put("item_id", open.item().path("id").stringValue()).put("output_index", open.index());
    }

    private ObjectNode part(ObjectNode part) {
        ObjectNode event = itemRef().put("content_index", 0);
        event.set("part", part);
        return event;
    }

    private ObjectNode current(ResponsesWire.Status status, Optional<ObjectNode> error, Optional<String> incomplete) {
        return ResponsesObjects.response(id, createdAt, model, request, status, output.deepCopy(),
                status == ResponsesWire.Status.IN_PROGRESS ? Optional.empty() : usage, error, incomplete);
    }

    private void emit(String type, ObjectNode body) {
        ObjectNode data = Json.object().put("type", type);
        data.setAll(body);
        data.put("sequence_number", sequence++);
        out.add(SseEvent.of(type, data));
    }

    private List<SseEvent> drain() {
        List<SseEvent> events = List.copyOf(out);
        out.clear();
        return events;
    }
}
