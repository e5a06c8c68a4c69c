package dev.gapwise.gateway.translate;

import dev.gapwise.gateway.provider.Json;
import dev.gapwise.gateway.provider.TokenCount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic requests into OpenAI requests, and Anthropic responses into OpenAI responses. {@code tool_result}
 * blocks become {@code tool} messages (placed before the rest of their user turn), {@code tool_use} blocks
 * become {@code tool_calls} with JSON-string arguments; thinking blocks are dropped. Images become {@code
 * image_url} parts; a PDF {@code document} becomes a {@code file} part and a text document a text part. A block
 * with no OpenAI equivalent (a document by URL or file id, an image with no usable source, an unknown type) is
 * refused, naming it, never dropped. Pure functions.
 */
final class AnthropicToOpenAi {
    private AnthropicToOpenAi() {
    }

    static ObjectNode request(ObjectNode in) {
        ObjectNode out = Json.object();
        out.set("model", in.path("model"));
        ArrayNode messages = out.putArray("messages");
        String system = OpenAiToAnthropic.text(in.path("system"));
        if (!system.isEmpty()) {
            messages.addObject().put("role", "system").put("content", system);
        }
        JsonNode all = in.path("messages");
        for (int i = 0; i < all.size(); i++) {
            JsonNode message = all.get(i);
            if (message.path("role").asString("").equals("assistant")) {
                assistant(message.path("content"), messages);
            } else {
                user(message.path("content"), messages, "messages[" + i + "]");
            }
        }
        if (in.path("max_tokens").isNumber()) {
            out.put("max_tokens", in.path("max_tokens").asInt());
        }
        for (String field : new String[] {"temperature", "top_p"}) {
            if (in.path(field).isNumber()) {
                out.set(field, in.path(field));
            }
        }
        if (in.path("stop_sequences").isArray() && !in.path("stop_sequences").isEmpty()) {
            out.set("stop", in.path("stop_sequences"));
        }
        if (in.path("stream").asBoolean(false)) {
            out.put("stream", true);
        }
        tools(in, out);
        if (in.path("metadata").path("user_id").isString()) {
            out.put("user", in.path("metadata").path("user_id").stringValue());
        }
        return out;
    }

    private static void tools(ObjectNode in, ObjectNode out) {
        if (in.path("tools").isArray() && !in.path("tools").isEmpty()) {
            ArrayNode tools = out.putArray("tools");
            for (JsonNode tool : in.path("tools")) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function")
                        .put("name", tool.path("name").asString(""));
                if (tool.path("description").isString()) {
                    function.set("description", tool.path("description"));
                }
                function.set("parameters", tool.path("input_schema").isObject() ? tool.path("input_schema")
                        : Json.object().put("type", "object"));
            }
        }
        JsonNode choice = in.path("tool_choice");
        if (choice.isObject() && out.has("tools")) {
            switch (choice.path("type").asString("auto")) {
                case "any" -> out.put("tool_choice", "required");
                case "none" -> out.put("tool_choice", "none");
                case "tool" -> out.putObject("tool_choice").put("type", "function").putObject("function")
                        .put("name", choice.path("name").asString(""));
                default -> out.put("tool_choice", "auto");
            }
            if (choice.path("disable_parallel_tool_use").asBoolean(false)) {
                out.put("parallel_tool_calls", false);
            }
        }
    }

    private static void user(JsonNode content, ArrayNode messages, String where) {
        if (content.isString()) {
            messages.addObject().put("role", "user").put("content", content.stringValue());
            return;
        }
        ArrayNode parts = Json.MAPPER.createArrayNode();
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            String at = where + ".content[" + j + "]";
            String type = block.path("type").asString("");
            switch (type) {
                case "tool_result" -> messages.addObject().put("role", "tool")
                        .put("tool_call_id", block.path("tool_use_id").asString(""))
                        .put("content", toolResultText(block.path("content"), at));
                case "text" -> parts.addObject().put("type", "text").put("text", block.path("text").asString(""));
                case "image" -> parts.addObject().put("type", "image_url").putObject("image_url")
                        .put("url", imageUrl(block.path("source"), at));
                case "document" -> parts.add(document(block, at));
                default -> throw new UntranslatablePart(at, "an Anthropic '" + type + "' block has no OpenAI Chat "
                        + "Completions equivalent");
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        boolean onlyText = true;
        for (JsonNode part : parts) {
            onlyText &= part.path("type").asString("").equals("text");
        }
        ObjectNode message = messages.addObject().put("role", "user");
        if (onlyText) {
            message.put("content", OpenAiToAnthropic.text(parts));
        } else {
            message.set("content", parts);
        }
    }

    private static String imageUrl(JsonNode source, String at) {
        String kind = source.path("type").asString("");
        if (kind.equals("base64") && source.path("media_type").isString() && source.path("data").isString()
                && !source.path("data").stringValue().isEmpty()) {
            return "data:" + source.path("media_type").stringValue() + ";base64," + source.path("data").stringValue();
        }
        if (kind.equals("url") && source.path("url").isString() && !source.path("url").stringValue().isBlank()) {
            return source.path("url").stringValue();
        }
        throw new UntranslatablePart(at, "an image block needs a 'source' of type base64 (media_type and data) or "
                + "url (a non-empty url)");
    }

    /** A PDF document as an OpenAI file part, a text document as a text part. */
    private static JsonNode document(JsonNode block, String at) {
        JsonNode source = block.path("source");
        String title = block.path("title").asString("document");
        switch (source.path("type").asString("")) {
            case "base64" -> {
                if (source.path("data").isString() && source.path("media_type").asString("").equals("application/pdf")) {
                    ObjectNode part = Json.object().put("type", "file");
                    part.putObject("file").put("filename", title.endsWith(".pdf") ? title : title + ".pdf")
                            .put("file_data", "data:application/pdf;base64," + source.path("data").stringValue());
                    return part;
                }
            }
            case "text" -> {
                if (source.path("data").isString()) {
                    return Json.object().put("type", "text").put("text", source.path("data").stringValue());
                }
            }
            case "content" -> {
                return Json.object().put("type", "text").put("text", OpenAiToAnthropic.text(source.path("content")));
            }
            default -> {
            }
        }
        throw new UntranslatablePart(at, "a document block with a '" + source.path("type").asString("missing")
                + "' source has no OpenAI Chat Completions equivalent (base64 PDF and text documents translate)");
    }

    /** A tool result's text; OpenAI tool messages carry text only, so an image in one is refused. */
    private static String toolResultText(JsonNode content, String at) {
        for (JsonNode part : content) {
            if (!part.path("type").asString("text").equals("text")) {
                throw new UntranslatablePart(at, "a tool_result holding a '" + part.path("type").asString()
                        + "' block has no OpenAI equivalent (tool messages carry text only)");
            }
        }
        return OpenAiToAnthropic.text(content);
    }

    private static void assistant(JsonNode content, ArrayNode messages) {
        ObjectNode message = messages.addObject().put("role", "assistant");
        if (content.isString()) {
            message.put("content", content.stringValue());
            return;
        }
        assistantContent(content, message);
    }

    /** Anthropic assistant blocks into an OpenAI assistant message: text joined, tool_use as tool_calls. */
    private static void assistantContent(JsonNode blocks, ObjectNode message) {
        StringBuilder text = new StringBuilder();
        ArrayNode calls = Json.MAPPER.createArrayNode();
        for (JsonNode block : blocks) {
            switch (block.path("type").asString("")) {
                case "text" -> text.append(block.path("text").asString(""));
                case "tool_use" -> calls.addObject().put("id", block.path("id").asString("")).put("type", "function")
                        .putObject("function").put("name", block.path("name").asString(""))
                        .put("arguments", Json.write(block.path("input")));
                default -> {
                }
            }
        }
        if (text.isEmpty() && !calls.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        if (!calls.isEmpty()) {
            message.set("tool_calls", calls);
        }
    }

    static ObjectNode response(JsonNode in, long epochSecond) {
        ObjectNode out = Json.object().put("id", in.path("id").asString("chatcmpl-gapwise"))
                .put("object", "chat.completion").put("created", epochSecond).put("model", in.path("model").asString(""));
        ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        assistantContent(in.path("content"), message);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(in.path("stop_reason").asString("end_turn")));
        long input = inputTokens(in.path("usage"));
        long output = TokenCount.of(in.path("usage").path("output_tokens"), 0);
        out.putObject("usage").put("prompt_tokens", input).put("completion_tokens", output)
                .put("total_tokens", TokenCount.sum(input, output));
        return out;
    }

    /** Anthropic input tokens, cache reads and writes included. */
    static long inputTokens(JsonNode usage) {
        return TokenCount.sum(TokenCount.sum(TokenCount.of(usage.path("input_tokens"), 0),
                TokenCount.of(usage.path("cache_read_input_tokens"), 0)),
                TokenCount.of(usage.path("cache_creation_input_tokens"), 0));
    }

    static String finishReason(String stopReason) {
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }
}
