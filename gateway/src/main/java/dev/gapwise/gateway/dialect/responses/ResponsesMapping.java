package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.dialect.responses.ResponsesWire.Item;
import dev.gapwise.gateway.dialect.responses.ResponsesWire.Part;
import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pure functions between the Responses API and Chat Completions, the shape every upstream is reached through
 * here. A request becomes a chat request: {@code instructions} a system message, input items messages ({@code
 * developer} ones system messages; function calls an assistant turn's {@code tool_calls}, their outputs {@code
 * tool} messages), function tools and {@code text.format} their chat equivalents; reasoning items and {@code
 * reasoning.effort} have no chat field and are left out (the caller is told). A chat answer becomes a response
 * object with a message item and function-call items. Stateless.
 */
public final class ResponsesMapping {
    private ResponsesMapping() {
    }

    /** A fresh id with the Responses prefix ({@code resp}, {@code msg}, {@code fc}). */
    public static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * The chat request for one turn.
     *
     * @param request the turn
     * @param history the conversation before it (stored turns' inputs and outputs, oldest first)
     */
    public static ObjectNode chatRequest(ResponsesWire.Request request, List<Item> history) {
        ObjectNode chat = Json.object().put("model", request.model());
        ArrayNode messages = chat.putArray("messages");
        request.instructions().ifPresent(text -> messages.addObject().put("role", "system").put("content", text));
        ObjectNode toolTurn = null;
        for (Item item : concat(history, request.input())) {
            switch (item) {
                case Item.Message message -> {
                    messages.add(message(message));
                    toolTurn = message.role().equals("assistant") ? (ObjectNode) messages.get(messages.size() - 1) : null;
                }
                case Item.FunctionCall call ->
                        toolTurn = toolCall(messages, toolTurn, call.callId(), call.name(), call.arguments());
                case Item.CustomToolCall call -> toolTurn = toolCall(messages, toolTurn, call.callId(), call.name(),
                        Json.write(Json.object().put("input", call.input())));
                case Item.FunctionCallOutput output -> {
                    messages.addObject().put("role", "tool").put("tool_call_id", output.callId())
                            .put("content", output.output());
                    toolTurn = null;
                }
                case Item.Reasoning reasoning -> {
                    // only the provider that wrote it can read it; chat has no field for it
                }
            }
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = chat.putArray("tools");
            for (JsonNode tool : request.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", tool.path("name").stringValue());
                if (tool.path("type").stringValue().equals("custom")) {
                    customTool(tool, function);
                    continue;
                }
                copy(tool, "description", function);
                copy(tool, "parameters", function);
                copy(tool, "strict", function);
            }
        }
        request.toolChoice().ifPresent(choice -> chat.set("tool_choice", choice.isString() ? choice
                : Json.object().put("type", "function").set("function",
                        Json.object().put("name", choice.path("name").stringValue()))));
        request.textFormat().ifPresent(format -> {
            ObjectNode responseFormat = chat.putObject("response_format").put("type", format.path("type").stringValue());
            if (format.path("type").stringValue().equals("json_schema")) {
                ObjectNode schema = responseFormat.putObject("json_schema");
                copy(format, "name", schema);
                copy(format, "description", schema);
                copy(format, "schema", schema);
                copy(format, "strict", schema);
            }
        });
        request.maxOutputTokens().ifPresent(max -> chat.put("max_completion_tokens", max));
        request.temperature().ifPresent(value -> chat.put("temperature", value));
        request.topP().ifPresent(value -> chat.put("top_p", value));
        request.parallelToolCalls().filter(value -> !request.tools().isEmpty())
                .ifPresent(value -> chat.put("parallel_tool_calls", value));
        if (request.stream()) {
            chat.put("stream", true);
            chat.putObject("stream_options").put("include_usage", true);
        }
        return chat;
    }

    /** Adds a tool call to the assistant turn {@code toolTurn}, opening one when there is none; returns the turn. */
    private static ObjectNode toolCall(ArrayNode messages, ObjectNode toolTurn, String callId, String name,
                                       String arguments) {
        ObjectNode turn = toolTurn;
        if (turn == null) {
            turn = messages.addObject().put("role", "assistant");
            turn.putNull("content");
        }
        ArrayNode calls = turn.has("tool_calls") ? (ArrayNode) turn.get("tool_calls") : turn.putArray("tool_calls");
        calls.addObject().put("id", callId).put("type", "function").putObject("function").put("name", name)
                .put("arguments", arguments);
        return turn;
    }

    /**
     * A custom tool as a function taking its free-form text as {@code input}; a grammar cannot be enforced on the
     * chat path, so it is given to the model in the description.
     */
    private static void customTool(JsonNode tool, ObjectNode function) {
        StringBuilder description = new StringBuilder(tool.path("description").asString(""));
        JsonNode format = tool.path("format");
        if (format.path("type").asString("").equals("grammar")) {
            description.append(description.isEmpty() ? "" : "\n\n").append("The input must follow this ")
                    .append(format.path("syntax").asString("")).append(" grammar:\n")
                    .append(format.path("definition").asString(""));
        }
        if (!description.isEmpty()) {
            function.put("description", description.toString());
        }
        ObjectNode parameters = function.putObject("parameters").put("type", "object");
        parameters.putObject("properties").putObject("input").put("type", "string")
                .put("description", "The tool's input, as free text");
        parameters.putArray("required").add("input");
        parameters.put("additionalProperties", false);
    }

    /** The free text of a custom tool's call: the {@code input} of its arguments, or the arguments as sent. */
    static String customInput(String arguments) {
        JsonNode parsed = Json.parseOrNull(arguments.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return parsed != null && parsed.path("input").isString() ? parsed.path("input").stringValue() : arguments;
    }

    private static void copy(JsonNode from, String field, ObjectNode to) {
        JsonNode value = from.path(field);
        if (!value.isMissingNode() && !value.isNull()) {
            to.set(field, value.deepCopy());
        }
    }

    private static List<Item> concat(List<Item> history, List<Item> input) {
        return history.isEmpty() ? input : java.util.stream.Stream.concat(history.stream(), input.stream()).toList();
    }

    private static ObjectNode message(Item.Message message) {
        // 'developer' is the Responses name of system instructions; many chat hosts know only 'system'
        String role = message.role().equals("developer") ? "system" : message.role();
        ObjectNode out = Json.object().put("role", role);
        boolean textOnly = message.content().stream().allMatch(part -> part instanceof Part.Text);
        if (textOnly && !role.equals("user")) {
            StringBuilder text = new StringBuilder();
            for (Part part : message.content()) {
                text.append(((Part.Text) part).text());
            }
            return out.put("content", text.toString());
        }
        ArrayNode parts = out.putArray("content");
        for (Part part : message.content()) {
            switch (part) {
                case Part.Text text -> parts.addObject().put("type", "text").put("text", text.text());
                case Part.Image image -> {
                    ObjectNode url = parts.addObject().put("type", "image_url").putObject("image_url")
                            .put("url", image.url());
                    image.detail().ifPresent(detail -> url.put("detail", detail));
                }
            }
        }
        return out;
    }

    /** An input item as stored and listed by {@code input_items}, with an id. */
    public static ObjectNode itemJson(Item item) {
        return switch (item) {
            case Item.Message message -> {
                ObjectNode out = Json.object().put("id", newId("msg")).put("type", "message").put("role", message.role());
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
            case Item.FunctionCall call -> Json.object().put("id", newId("fc")).put("type", "function_call")
                    .put("status", "completed").put("call_id", call.callId()).put("name", call.name())
                    .put("arguments", call.arguments());
            case Item.CustomToolCall call -> customToolCallItem(newId("ctc"), call.callId(), call.name(), call.input());
            case Item.FunctionCallOutput output -> Json.object().put("id", newId(output.custom() ? "ctco" : "fco"))
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
            output.add(messageItem(newId("msg"), text, ResponsesWire.Status.COMPLETED));
        }
        java.util.Set<String> custom = request.customTools();
        for (JsonNode call : message.path("tool_calls")) {
            String name = call.path("function").path("name").asString("");
            String callId = call.path("id").asString(newId("call"));
            String arguments = call.path("function").path("arguments").asString("");
            output.add(custom.contains(name) ? customToolCallItem(newId("ctc"), callId, name, customInput(arguments))
                    : functionCallItem(newId("fc"), callId, name, arguments, ResponsesWire.Status.COMPLETED));
        }
        Optional<String> incomplete = incompleteReason(choice.path("finish_reason").asString(null));
        return response(id, createdAt, chat.path("model").asString(request.model()), request,
                incomplete.isPresent() ? ResponsesWire.Status.INCOMPLETE : ResponsesWire.Status.COMPLETED, output,
                chatUsage(chat), Optional.empty(), incomplete);
    }
}
