package dev.gapwise.gateway.translate;

import dev.gapwise.gateway.provider.Json;
import dev.gapwise.gateway.provider.TokenCount;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI requests into Anthropic requests, and OpenAI responses into Anthropic responses. System and developer
 * messages become {@code system}; tool messages become {@code tool_result} blocks of a user turn; consecutive
 * turns of one role are merged, as Anthropic requires alternation. {@code response_format} has no Anthropic
 * field, so it becomes an instruction in the system prompt. An image becomes an image block, a PDF {@code file}
 * part a document block; a part with no Anthropic equivalent (audio, a file by id, an empty image URL, an
 * unknown type, the legacy {@code function} role) is refused, naming it, never dropped. Pure functions.
 */
final class OpenAiToAnthropic {
    /** Anthropic requires max_tokens; OpenAI clients often omit it. */
    static final int DEFAULT_MAX_TOKENS = 4096;

    private OpenAiToAnthropic() {
    }

    static ObjectNode request(ObjectNode in) {
        ObjectNode out = Json.object();
        out.set("model", in.path("model"));
        JsonNode max = in.path("max_completion_tokens").isNumber() ? in.path("max_completion_tokens") : in.path("max_tokens");
        out.put("max_tokens", max.isNumber() ? max.asInt() : DEFAULT_MAX_TOKENS);
        List<String> system = new ArrayList<>();
        ArrayNode messages = out.putArray("messages");
        JsonNode all = in.path("messages");
        for (int i = 0; i < all.size(); i++) {
            JsonNode message = all.get(i);
            String role = message.path("role").asString("");
            switch (role) {
                case "system", "developer" -> system.add(text(message.path("content")));
                case "user" -> append(messages, "user", userBlocks(message.path("content"), "messages[" + i + "]"));
                case "assistant" -> append(messages, "assistant", assistantBlocks(message));
                case "tool" -> {
                    ObjectNode result = Json.object().put("type", "tool_result")
                            .put("tool_use_id", message.path("tool_call_id").asString(""))
                            .put("content", text(message.path("content")));
                    append(messages, "user", List.of(result));
                }
                default -> throw new UntranslatablePart("messages[" + i + "]", "the role '" + role
                        + "' has no Anthropic equivalent (send tool results as role 'tool')");
            }
        }
        JsonNode format = in.path("response_format");
        String type = format.path("type").asString("");
        if (type.equals("json_object")) {
            system.add("Respond with a single JSON object and nothing else.");
        } else if (type.equals("json_schema")) {
            system.add("Respond with JSON only, matching this JSON Schema: "
                    + Json.write(format.path("json_schema").path("schema")));
        }
        if (!system.isEmpty()) {
            out.put("system", String.join("\n\n", system));
        }
        copyNumber(in, "temperature", out, "temperature", 1.0);
        copyNumber(in, "top_p", out, "top_p", 1.0);
        JsonNode stop = in.path("stop");
        if (stop.isString()) {
            out.putArray("stop_sequences").add(stop.stringValue());
        } else if (stop.isArray()) {
            out.set("stop_sequences", stop);
        }
        if (in.path("stream").asBoolean(false)) {
            out.put("stream", true);
        }
        tools(in, out);
        if (in.path("user").isString()) {
            out.putObject("metadata").put("user_id", in.path("user").stringValue());
        }
        return out;
    }

    private static void tools(ObjectNode in, ObjectNode out) {
        if (in.path("tools").isArray() && !in.path("tools").isEmpty()) {
            ArrayNode tools = out.putArray("tools");
            for (JsonNode tool : in.path("tools")) {
                JsonNode function = tool.path("function");
                ObjectNode converted = tools.addObject().put("name", function.path("name").asString(""));
                if (function.path("description").isString()) {
                    converted.set("description", function.path("description"));
                }
                converted.set("input_schema", function.path("parameters").isObject() ? function.path("parameters")
                        : Json.object().put("type", "object"));
            }
        }
        JsonNode choice = in.path("tool_choice");
        ObjectNode converted = null;
        if (choice.isString()) {
            converted = switch (choice.stringValue()) {
                case "required" -> Json.object().put("type", "any");
                case "none" -> Json.object().put("type", "none");
                default -> Json.object().put("type", "auto");
            };
        } else if (choice.isObject()) {
            converted = Json.object().put("type", "tool")
                    .put("name", choice.path("function").path("name").asString(""));
        }
        if (in.path("parallel_tool_calls").isBoolean() && !in.path("parallel_tool_calls").booleanValue()
                && out.has("tools")) {
            converted = converted == null ? Json.object().put("type", "auto") : converted;
            converted.put("disable_parallel_tool_use", true);
        }
        if (converted != null && out.has("tools")) {
            out.set("tool_choice", converted);
        }
    }

    private static void copyNumber(JsonNode in, String from, ObjectNode out, String to, double max) {
        if (in.path(from).isNumber()) {
            out.put(to, Math.min(max, in.path(from).asDouble()));
        }
    }

    private static List<JsonNode> userBlocks(JsonNode content, String where) {
        List<JsonNode> blocks = new ArrayList<>();
        if (content.isString()) {
            blocks.add(Json.object().put("type", "text").put("text", content.stringValue()));
            return blocks;
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String at = where + ".content[" + j + "]";
            String type = part.path("type").asString("");
            switch (type) {
                case "text" -> blocks.add(Json.object().put("type", "text").put("text", part.path("text").asString("")));
                case "image_url" -> {
                    String url = part.path("image_url").path("url").asString("");
                    if (url.isBlank()) {
                        throw new UntranslatablePart(at, "an image_url part needs a non-empty 'image_url.url'");
                    }
                    blocks.add(image(url));
                }
                case "file" -> blocks.add(file(part.path("file"), at));
                case "input_audio" -> throw new UntranslatablePart(at, "an 'input_audio' part has no Anthropic "
                        + "Messages equivalent (Anthropic models take no audio)");
                default -> throw new UntranslatablePart(at, "an OpenAI '" + type + "' part has no Anthropic "
                        + "Messages equivalent");
            }
        }
        return blocks;
    }

    /** A PDF sent inline ({@code file_data} as a data URL) becomes a document block; a file id cannot travel. */
    private static JsonNode file(JsonNode file, String at) {
        String data = file.path("file_data").asString("");
        String prefix = "data:application/pdf;base64,";
        if (!data.startsWith(prefix)) {
            throw new UntranslatablePart(at, "a 'file' part translates only as inline PDF data (file_data: "
                    + "data:application/pdf;base64,…); a file_id or another type has no Anthropic equivalent");
        }
        ObjectNode block = Json.object().put("type", "document");
        block.putObject("source").put("type", "base64").put("media_type", "application/pdf")
                .put("data", data.substring(prefix.length()));
        if (file.path("filename").isString()) {
            block.put("title", file.path("filename").stringValue());
        }
        return block;
    }

    private static JsonNode image(String url) {
        ObjectNode block = Json.object().put("type", "image");
        ObjectNode source = block.putObject("source");
        int comma = url.indexOf(',');
        if (url.startsWith("data:") && comma > 0 && url.substring(0, comma).endsWith(";base64")) {
            source.put("type", "base64").put("media_type", url.substring(5, comma - ";base64".length()))
                    .put("data", url.substring(comma + 1));
        } else {
            source.put("type", "url").put("url", url);
        }
        return block;
    }

    private static List<JsonNode> assistantBlocks(JsonNode message) {
        List<JsonNode> blocks = new ArrayList<>();
        String text = text(message.path("content"));
        if (!text.isEmpty()) {
            blocks.add(Json.object().put("type", "text").put("text", text));
        }
        for (JsonNode call : message.path("tool_calls")) {
            ObjectNode use = Json.object().put("type", "tool_use").put("id", call.path("id").asString(""))
                    .put("name", call.path("function").path("name").asString(""));
            use.set("input", arguments(call.path("function").path("arguments").asString("")));
            blocks.add(use);
        }
        return blocks;
    }

    /** Tool arguments are a JSON string in OpenAI and an object in Anthropic; unparsable text is kept whole. */
    static JsonNode arguments(String text) {
        if (text.isBlank()) {
            return Json.object();
        }
        try {
            JsonNode parsed = Json.MAPPER.readTree(text);
            return parsed.isObject() ? parsed : Json.object().set("value", parsed);
        } catch (JacksonException e) {
            return Json.object().put("arguments", text);
        }
    }

    private static void append(ArrayNode messages, String role, List<JsonNode> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        ArrayNode content;
        if (last != null && last.path("role").asString("").equals(role)) {
            content = (ArrayNode) last.path("content");
        } else {
            ObjectNode message = messages.addObject().put("role", role);
            content = message.putArray("content");
        }
        blocks.forEach(content::add);
    }

    /** The text of a string content or of the text parts of an array content. */
    static String text(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("text").isString()) {
                text.append(text.isEmpty() ? "" : "\n").append(part.path("text").stringValue());
            }
        }
        return text.toString();
    }

    static ObjectNode response(JsonNode in) {
        ObjectNode out = Json.object().put("id", in.path("id").asString("msg_gapwise")).put("type", "message")
                .put("role", "assistant").put("model", in.path("model").asString(""));
        ArrayNode content = out.putArray("content");
        JsonNode choice = in.path("choices").path(0);
        JsonNode message = choice.path("message");
        String text = text(message.path("content"));
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
        for (JsonNode call : message.path("tool_calls")) {
            ObjectNode use = content.addObject().put("type", "tool_use").put("id", call.path("id").asString(""))
                    .put("name", call.path("function").path("name").asString(""));
            use.set("input", arguments(call.path("function").path("arguments").asString("")));
        }
        out.put("stop_reason", stopReason(choice.path("finish_reason").asString("stop")));
        out.putNull("stop_sequence");
        out.putObject("usage").put("input_tokens", TokenCount.of(in.path("usage").path("prompt_tokens"), 0))
                .put("output_tokens", TokenCount.of(in.path("usage").path("completion_tokens"), 0));
        return out;
    }

    static String stopReason(String finishReason) {
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }
}
