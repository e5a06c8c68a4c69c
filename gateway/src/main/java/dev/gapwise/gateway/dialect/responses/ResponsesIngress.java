package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.dialect.responses.ResponsesWire.Item;
import dev.gapwise.gateway.dialect.responses.ResponsesWire.Part;
import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a {@code POST /v1/responses} body into a {@link ResponsesWire.Request}, checking what the gateway relies
 * on: a model, an input (a string or a list of items it knows), function and custom tools only, a {@code
 * text.format} it can carry, numbers in range. What it cannot serve is refused with a message naming the field,
 * never dropped silently. Also reads stored items back. Stateless.
 */
public final class ResponsesIngress {
    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "developer");
    private static final Set<String> EFFORTS = Set.of("none", "minimal", "low", "medium", "high", "xhigh");

    private ResponsesIngress() {
    }

    /** A checked request, or what is wrong with it. */
    public sealed interface Parsed {
        record Ok(ResponsesWire.Request request) implements Parsed {
        }

        record Bad(String message) implements Parsed {
        }
    }

    /** A field the gateway cannot accept; the message names it. */
    static final class BadField extends RuntimeException {
        BadField(String message) {
            super(message, null, false, false);
        }
    }

    public static Parsed parse(ObjectNode body) {
        try {
            return new Parsed.Ok(request(body));
        } catch (BadField e) {
            return new Parsed.Bad(e.getMessage());
        }
    }

    private static ResponsesWire.Request request(ObjectNode body) {
        JsonNode model = body.path("model");
        if (!model.isString() || model.stringValue().isBlank() || model.stringValue().length() > 256) {
            throw new BadField("'model' is required and must be a string of at most 256 characters: a model name, "
                    + "or \"auto\" to let the gateway choose");
        }
        for (String unsupported : new String[] {"conversation", "prompt", "background"}) {
            JsonNode value = body.path(unsupported);
            if (present(value) && !(value.isBoolean() && !value.booleanValue())) {
                throw new BadField("'" + unsupported + "' is not supported by the gateway; send the conversation as "
                        + "'input' items or continue it with 'previous_response_id'");
            }
        }
        JsonNode input = body.path("input");
        List<Item> items;
        if (input.isString()) {
            items = List.of(new Item.Message("user", List.of(new Part.Text(input.stringValue(), false))));
        } else if (input.isArray()) {
            items = items(input, "input");
        } else {
            throw new BadField("'input' is required and must be a string or an array of input items");
        }
        Optional<String> previous = optionalText(body, "previous_response_id");
        if (items.isEmpty() && previous.isEmpty()) {
            throw new BadField("'input' must not be empty");
        }
        return new ResponsesWire.Request(model.stringValue().strip(), optionalText(body, "instructions"), items,
                tools(body.path("tools")), toolChoice(body.path("tool_choice")), effort(body.path("reasoning")),
                format(body.path("text")), bool(body, "store", true), previous, bool(body, "stream", false),
                maxOutputTokens(body.path("max_output_tokens")), number(body, "temperature"), number(body, "top_p"),
                present(body.path("parallel_tool_calls")) ? Optional.of(bool(body, "parallel_tool_calls", true))
                        : Optional.empty(),
                body.path("metadata").isObject() ? Optional.of((ObjectNode) body.path("metadata")) : Optional.empty());
    }

    /** Items as sent in {@code input} or kept in the store; {@code at} names the array in messages. */
    static List<Item> items(JsonNode array, String at) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            items.add(item(array.get(i), at + "[" + i + "]"));
        }
        return items;
    }

    private static Item item(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new BadField("'" + at + "' must be an object");
        }
        String type = node.path("type").asString(node.has("role") ? "message" : "");
        return switch (type) {
            case "message" -> message(node, at);
            case "function_call" -> new Item.FunctionCall(text(node, "call_id", at), text(node, "name", at),
                    text(node, "arguments", at));
            case "custom_tool_call" -> new Item.CustomToolCall(text(node, "call_id", at), text(node, "name", at),
                    text(node, "input", at));
            case "function_call_output", "custom_tool_call_output" -> {
                JsonNode output = node.path("output");
                if (!output.isString() && !output.isArray()) {
                    throw new BadField("'" + at + ".output' must be a string");
                }
                yield new Item.FunctionCallOutput(text(node, "call_id", at),
                        output.isString() ? output.stringValue() : joinedText(output, at + ".output"),
                        type.equals("custom_tool_call_output"));
            }
            case "reasoning" -> new Item.Reasoning(node.deepCopy());
            default -> throw new BadField("'" + at + ".type' '" + type + "' is not supported by the gateway (it "
                    + "takes message, function_call, custom_tool_call, their outputs and reasoning items)");
        };
    }

    private static Item.Message message(JsonNode node, String at) {
        String role = node.path("role").asString("");
        if (!ROLES.contains(role)) {
            throw new BadField("'" + at + ".role' must be one of assistant, developer, system, user");
        }
        JsonNode content = node.path("content");
        if (content.isString()) {
            return new Item.Message(role, List.of(new Part.Text(content.stringValue(), role.equals("assistant"))));
        }
        if (!content.isArray()) {
            throw new BadField("'" + at + ".content' must be a string or an array of content parts");
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String where = at + ".content[" + i + "]";
            String type = part.path("type").asString("");
            parts.add(switch (type) {
                case "input_text", "output_text", "text" -> new Part.Text(text(part, "text", where), !type.equals("input_text"));
                case "refusal" -> new Part.Text(text(part, "refusal", where), true);
                case "input_image" -> {
                    String url = part.path("image_url").asString("");
                    if (url.isBlank()) {
                        throw new BadField("'" + where + ".image_url' is required: the gateway takes images by URL "
                                + "or data URL (a 'file_id' needs OpenAI's file store)");
                    }
                    yield new Part.Image(url, optionalText(part, "detail"));
                }
                default -> throw new BadField("'" + where + ".type' '" + type + "' is not supported by the gateway "
                        + "(it takes input_text, input_image and output_text parts)");
            });
        }
        return new Item.Message(role, parts);
    }

    private static String joinedText(JsonNode parts, String at) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            text.append(text(parts.get(i), "text", at + "[" + i + "]"));
        }
        return text.toString();
    }

    private static ArrayNode tools(JsonNode tools) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (!present(tools)) {
            return out;
        }
        if (!tools.isArray()) {
            throw new BadField("'tools' must be an array");
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String type = tool.path("type").asString("");
            if (!type.equals("function") && !type.equals("custom")) {
                throw new BadField("'tools[" + i + "].type' '" + type + "' is not supported by the gateway: only "
                        + "function and custom tools can be served by every upstream");
            }
            JsonNode format = tool.path("format");
            if (type.equals("custom") && present(format) && !Set.of("text", "grammar").contains(format.path("type")
                    .asString(""))) {
                throw new BadField("'tools[" + i + "].format.type' must be text or grammar");
            }
            text(tool, "name", "tools[" + i + "]");
            if (present(tool.path("parameters")) && !tool.path("parameters").isObject()) {
                throw new BadField("'tools[" + i + "].parameters' must be a JSON Schema object");
            }
            out.add(tool);
        }
        return out;
    }

    private static Optional<JsonNode> toolChoice(JsonNode choice) {
        if (!present(choice)) {
            return Optional.empty();
        }
        if (choice.isString() && Set.of("auto", "none", "required").contains(choice.stringValue())) {
            return Optional.of(choice);
        }
        if (choice.isObject() && Set.of("function", "custom").contains(choice.path("type").asString(""))
                && choice.path("name").isString()) {
            return Optional.of(choice);
        }
        throw new BadField("'tool_choice' must be \"auto\", \"none\", \"required\" or {\"type\": \"function\" "
                + "(or \"custom\"), \"name\": ...}");
    }

    private static Optional<String> effort(JsonNode reasoning) {
        if (!present(reasoning)) {
            return Optional.empty();
        }
        JsonNode effort = reasoning.path("effort");
        if (!present(effort)) {
            return Optional.empty();
        }
        if (!effort.isString() || !EFFORTS.contains(effort.stringValue())) {
            throw new BadField("'reasoning.effort' must be one of " + String.join(", ", EFFORTS.stream().sorted().toList()));
        }
        return Optional.of(effort.stringValue());
    }

    private static Optional<ObjectNode> format(JsonNode text) {
        JsonNode format = text.path("format");
        if (!present(format)) {
            return Optional.empty();
        }
        String type = format.path("type").asString("");
        return switch (type) {
            case "text" -> Optional.empty();
            case "json_object" -> Optional.of((ObjectNode) format);
            case "json_schema" -> {
                if (!format.path("name").isString() || !format.path("schema").isObject()) {
                    throw new BadField("'text.format' of type json_schema needs a 'name' and a 'schema' object");
                }
                yield Optional.of((ObjectNode) format);
            }
            default -> throw new BadField("'text.format.type' must be text, json_object or json_schema");
        };
    }

    private static OptionalInt maxOutputTokens(JsonNode value) {
        if (!present(value)) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new BadField("'max_output_tokens' must be a whole number from 1 to " + Integer.MAX_VALUE);
        }
        return OptionalInt.of(value.intValue());
    }

    private static Optional<Double> number(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!present(value)) {
            return Optional.empty();
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new BadField("'" + field + "' must be a number");
        }
        return Optional.of(value.doubleValue());
    }

    private static boolean bool(JsonNode body, String field, boolean otherwise) {
        JsonNode value = body.path(field);
        if (!present(value)) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw new BadField("'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!present(value)) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new BadField("'" + field + "' must be a string");
        }
        return Optional.of(value.stringValue());
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (!value.isString()) {
            throw new BadField("'" + at + "." + field + "' is required and must be a string");
        }
        return value.stringValue();
    }

    private static boolean present(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }
}
