package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.dialect.responses.ResponsesWire.Item;
import dev.gapwise.gateway.dialect.responses.ResponsesWire.Part;
import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

/**
 * Pure functions between the Responses API and Chat Completions, the shape every upstream is reached through
 * here. A request becomes a chat request: {@code instructions} a system message, input items messages ({@code
 * developer} ones system messages; function calls an assistant turn's {@code tool_calls}, their outputs {@code
 * tool} messages), function tools and {@code text.format} their chat equivalents; reasoning items and {@code
 * reasoning.effort} have no chat field and are left out (the caller is told); a custom tool becomes a function
 * taking its free text as {@code input}. The way back is {@link ResponsesObjects}. Stateless.
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
}
