package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.responses.ResponsesWire.Item;
import dev.gapwise.gateway.dialect.responses.ResponsesWire.Part;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The Responses API's JSON objects as the gateway writes them: input items as stored and listed, output items
 * and their parts, usage, and the response object — built from a chat answer, or piece by piece by {@link
 * ResponsesStream}. Pure functions.
 */
public final class ResponsesObjects {
    private ResponsesObjects() {
    }

    /** An input item as stored and listed by {@code input_items}, with an id. */
    public static ObjectNode itemJson(Item item) {
        return switch (item) {
            case Item.Message message -> {
                ObjectNode out = Json.object().put("id", ResponsesMapping.newId("msg")).put("type", "message")
                        .put("role", message.role());
                if (message.role().equals("assistant")) {
                    out.put("status", "completed");
                }
                ArrayNode content = out.putArray("content");
                for (Part part : message.content()) {
                    switch (part) {
                        case Part.Text text -> {
                            ObjectNode node = content.addObject().put("type", text.output() ? "output_text" : "input_text")
                                    .put("text", text.text());
                            if (text.output()) {
                                node.putArray("annotations");
                            }
                        }
                        case Part.Image image -> {
                            ObjectNode node = content.addObject().put("type", "input_image").put("image_url", image.url());
                            node.put("detail", image.detail().orElse("auto"));
                        }
                    }
                }
                yield out;
            }
            case Item.FunctionCall call -> Json.object().put("id", ResponsesMapping.newId("fc")).put("type", "function_call")
                    .put("status", "completed").put("call_id", call.callId()).put("name", call.name())
                    .put("arguments", call.arguments());
            case Item.CustomToolCall call -> customToolCallItem(ResponsesMapping.newId("ctc"), call.callId(), call.name(), call.input());
            case Item.FunctionCallOutput output -> Json.object().put("id", ResponsesMapping.newId(output.custom() ? "ctco" : "fco"))
                    .put("type", output.custom() ? "custom_tool_call_output" : "function_call_output")
                    .put("status", "completed").put("call_id", output.callId()).put("output", output.output());
            case Item.Reasoning reasoning -> reasoning.raw().deepCopy().isObject()
                    ? (ObjectNode) reasoning.raw().deepCopy() : Json.object().put("type", "reasoning");
        };
    }

    /** An assistant message output item holding {@code text}. */
    public static ObjectNode messageItem(String id, String text, ResponsesWire.Status status) {
        ObjectNode item = Json.object().put("id", id).put("type", "message").put("status", status.wire())
                .put("role", "assistant");
        ArrayNode content = item.putArray("content");
        if (text != null) {
            content.add(textPart(text));
        }
        return item;
    }

    /** An {@code output_text} content part. */
    public static ObjectNode textPart(String text) {
        ObjectNode part = Json.object().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return part;
    }

    /** A function-call output item. */
    public static ObjectNode functionCallItem(String id, String callId, String name, String arguments,
                                              ResponsesWire.Status status) {
        return Json.object().put("id", id).put("type", "function_call").put("status", status.wire())
                .put("call_id", callId).put("name", name).put("arguments", arguments);
    }

    /** A custom-tool call output item. */
    public static ObjectNode customToolCallItem(String id, String callId, String name, String input) {
        return Json.object().put("id", id).put("type", "custom_tool_call").put("call_id", callId).put("name", name)
                .put("input", input);
    }

    /**
     * A response object.
     *
     * @param id        the response's id
     * @param createdAt seconds since the epoch
     * @param model     the model that answered (the requested one when unknown)
     * @param request   the turn, whose settings are echoed
     * @param status    the status
     * @param output    the output items
     * @param usage     the token counts, when known
     * @param error     {code, message} of a failed response
     * @param incomplete why an incomplete response stopped ({@code max_output_tokens}, {@code content_filter})
     */
    public static ObjectNode response(String id, long createdAt, String model, ResponsesWire.Request request,
                                      ResponsesWire.Status status, ArrayNode output, Optional<ResponsesWire.Usage> usage,
                                      Optional<ObjectNode> error, Optional<String> incomplete) {
        ObjectNode out = Json.object().put("id", id).put("object", "response").put("created_at", createdAt)
                .put("status", status.wire());
        if (status == ResponsesWire.Status.COMPLETED) {
            out.put("completed_at", createdAt);
        }
        error.ifPresentOrElse(e -> out.set("error", e), () -> out.putNull("error"));
        incomplete.ifPresentOrElse(reason -> out.putObject("incomplete_details").put("reason", reason),
                () -> out.putNull("incomplete_details"));
        request.instructions().ifPresentOrElse(text -> out.put("instructions", text), () -> out.putNull("instructions"));
        request.maxOutputTokens().ifPresentOrElse(max -> out.put("max_output_tokens", max),
                () -> out.putNull("max_output_tokens"));
        out.put("model", model);
        out.set("output", output);
        out.put("parallel_tool_calls", request.parallelToolCalls().orElse(true));
        request.previousResponseId().ifPresentOrElse(previous -> out.put("previous_response_id", previous),
                () -> out.putNull("previous_response_id"));
        ObjectNode reasoning = out.putObject("reasoning");
        reasoning.putNull("effort");
        reasoning.putNull("summary");
        out.put("store", request.store());
        request.temperature().ifPresentOrElse(t -> out.put("temperature", t), () -> out.put("temperature", 1.0));
        out.putObject("text").set("format", request.textFormat().<JsonNode>map(ObjectNode::deepCopy)
                .orElseGet(() -> Json.object().put("type", "text")));
        out.set("tool_choice", request.toolChoice().map(JsonNode::deepCopy).orElse(Json.MAPPER.getNodeFactory()
                .stringNode("auto")));
        out.set("tools", request.tools().deepCopy());
        request.topP().ifPresentOrElse(p -> out.put("top_p", p), () -> out.put("top_p", 1.0));
        out.put("truncation", "disabled");
        usage.ifPresentOrElse(u -> out.set("usage", usage(u)), () -> out.putNull("usage"));
        out.set("metadata", request.metadata().<JsonNode>map(ObjectNode::deepCopy).orElseGet(Json::object));
        return out;
    }

    static ObjectNode usage(ResponsesWire.Usage usage) {
        ObjectNode out = Json.object().put("input_tokens", usage.input());
        out.putObject("input_tokens_details").put("cached_tokens", usage.cached())
                .put("cache_write_tokens", usage.cacheWrite());
        out.put("output_tokens", usage.output());
        out.putObject("output_tokens_details").put("reasoning_tokens", usage.reasoning());
        out.put("total_tokens", usage.input() + usage.output());
        return out;
    }

    /** The usage of a chat answer or usage chunk, when it has one. */
    static Optional<ResponsesWire.Usage> chatUsage(JsonNode chat) {
        JsonNode usage = chat.path("usage");
        if (!usage.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new ResponsesWire.Usage(usage.path("prompt_tokens").asLong(0),
                usage.path("prompt_tokens_details").path("cached_tokens").asLong(0),
                usage.path("prompt_tokens_details").path("cache_write_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0),
                usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0)));
    }

    /** The status and incomplete reason a chat finish reason stands for. */
    static Optional<String> incompleteReason(String finishReason) {
        return switch (finishReason == null ? "" : finishReason) {
            case "length" -> Optional.of("max_output_tokens");
            case "content_filter" -> Optional.of("content_filter");
            default -> Optional.empty();
        };
    }

    /** A complete chat answer as a response object. */
    public static ObjectNode fromChat(JsonNode chat, ResponsesWire.Request request, String id, long createdAt) {
        JsonNode choice = chat.path("choices").path(0);
        JsonNode message = choice.path("message");
        ArrayNode output = Json.MAPPER.createArrayNode();
        String text = message.path("content").isString() ? message.path("content").stringValue() : null;
        if (text != null && !text.isEmpty()) {
            output.add(messageItem(ResponsesMapping.newId("msg"), text, ResponsesWire.Status.COMPLETED));
        }
        java.util.Set<String> custom = request.customTools();
        for (JsonNode call : message.path("tool_calls")) {
            String name = call.path("function").path("name").asString("");
            String callId = call.path("id").asString(ResponsesMapping.newId("call"));
            String arguments = call.path("function").path("arguments").asString("");
            output.add(custom.contains(name) ? customToolCallItem(ResponsesMapping.newId("ctc"), callId, name, ResponsesMapping.customInput(arguments))
                    : functionCallItem(ResponsesMapping.newId("fc"), callId, name, arguments, ResponsesWire.Status.COMPLETED));
        }
        Optional<String> incomplete = incompleteReason(choice.path("finish_reason").asString(null));
        return response(id, createdAt, chat.path("model").asString(request.model()), request,
                incomplete.isPresent() ? ResponsesWire.Status.INCOMPLETE : ResponsesWire.Status.COMPLETED, output,
                chatUsage(chat), Optional.empty(), incomplete);
    }
}
