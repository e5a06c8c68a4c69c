package dev.gapwise.gateway.dialect.openai;

import dev.gapwise.gateway.dialect.DialectMapping;
import dev.gapwise.gateway.dialect.StreamDecoder;
import dev.gapwise.gateway.dialect.StreamEncoder;
import dev.gapwise.gateway.dialect.StreamTranslator;
import dev.gapwise.gateway.dialect.neutral.Chat;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.Part;
import dev.gapwise.gateway.dialect.neutral.Reply;
import dev.gapwise.gateway.dialect.neutral.TokenCount;
import dev.gapwise.gateway.dialect.neutral.Untranslatable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * OpenAI Chat Completions to and from the neutral records. System and developer messages are the system
 * instructions; {@code tool} messages are tool results of a user turn; tool-call arguments (a JSON string) become
 * an object. An audio part, a file by id or any unknown part travels as an opaque part that only OpenAI can carry.
 * Writing: tool results become {@code tool} messages placed before the rest of their user turn; thinking blocks
 * are dropped with a note (Chat Completions has no field for them). Pure functions; stateless.
 */
final class OpenAiMapping implements DialectMapping {
    private static final String ORIGIN = "openai";
    private static final Set<String> KNOWN = Set.of("model", "messages", "max_tokens", "max_completion_tokens",
            "temperature", "top_p", "stop", "stream", "stream_options", "tools", "tool_choice", "parallel_tool_calls",
            "response_format", "user");

    @Override
    public Chat toNeutral(ObjectNode in) {
        List<String> system = new ArrayList<>();
        List<Chat.Turn> turns = new ArrayList<>();
        JsonNode all = in.path("messages");
        for (int i = 0; i < all.size(); i++) {
            JsonNode message = all.get(i);
            String role = message.path("role").asString("");
            String where = "messages[" + i + "]";
            switch (role) {
                case "system", "developer" -> system.add(text(message.path("content")));
                case "user" -> append(turns, Chat.Role.USER, userParts(message.path("content"), where));
                case "assistant" -> append(turns, Chat.Role.ASSISTANT, assistantParts(message));
                case "tool" -> append(turns, Chat.Role.USER, List.of(new Part.ToolResult(
                        message.path("tool_call_id").asString(""), List.of(new Part.Text(text(message.path("content")))),
                        false)));
                default -> throw new Untranslatable(where, "the role '" + role + "' is OpenAI's legacy form and has "
                        + "no equivalent in other dialects (send tool results as role 'tool')");
            }
        }
        JsonNode max = in.path("max_completion_tokens").isNumber() ? in.path("max_completion_tokens") : in.path("max_tokens");
        List<String> stop = new ArrayList<>();
        if (in.path("stop").isString()) {
            stop.add(in.path("stop").stringValue());
        } else {
            in.path("stop").forEach(s -> stop.add(s.asString("")));
        }
        ObjectNode extras = Json.object();
        in.properties().forEach(field -> {
            if (!KNOWN.contains(field.getKey())) {
                extras.set(field.getKey(), field.getValue());
            }
        });
        return new Chat(in.path("model").asString(""), system, turns,
                max.isNumber() ? OptionalInt.of(max.asInt()) : OptionalInt.empty(), number(in, "temperature"),
                number(in, "top_p"), stop, in.path("stream").asBoolean(false), tools(in), toolChoice(in.path("tool_choice")),
                in.path("parallel_tool_calls").isBoolean() && !in.path("parallel_tool_calls").booleanValue(),
                format(in.path("response_format")), Optional.ofNullable(in.path("user").asString(null)),
                new Chat.Extras(ORIGIN, extras));
    }

    private static OptionalDouble number(JsonNode in, String field) {
        return in.path(field).isNumber() ? OptionalDouble.of(in.path(field).asDouble()) : OptionalDouble.empty();
    }

    private static List<Chat.Tool> tools(JsonNode in) {
        List<Chat.Tool> tools = new ArrayList<>();
        for (JsonNode tool : in.path("tools")) {
            JsonNode function = tool.path("function");
            tools.add(new Chat.Tool(function.path("name").asString(""),
                    Optional.ofNullable(function.path("description").asString(null)),
                    function.path("parameters").isObject() ? function.path("parameters") : Json.object().put("type", "object")));
        }
        return tools;
    }

    private static Optional<Chat.ToolChoice> toolChoice(JsonNode choice) {
        if (choice.isString()) {
            return Optional.of(switch (choice.stringValue()) {
                case "required" -> new Chat.ToolChoice.Any();
                case "none" -> new Chat.ToolChoice.None();
                default -> new Chat.ToolChoice.Auto();
            });
        }
        if (choice.isObject()) {
            return Optional.of(new Chat.ToolChoice.Named(choice.path("function").path("name").asString("")));
        }
        return Optional.empty();
    }

    private static Optional<Chat.OutputFormat> format(JsonNode format) {
        return switch (format.path("type").asString("")) {
            case "json_object" -> Optional.of(new Chat.OutputFormat.JsonObject());
            case "json_schema" -> Optional.of(new Chat.OutputFormat.JsonSchema(
                    format.path("json_schema").path("name").asString("output"), format.path("json_schema").path("schema"),
                    format.path("json_schema").path("strict").asBoolean(false)));
            default -> Optional.empty();
        };
    }

    private static List<Part> userParts(JsonNode content, String where) {
        List<Part> parts = new ArrayList<>();
        if (content.isString()) {
            parts.add(new Part.Text(content.stringValue()));
            return parts;
        }
        if (!content.isArray()) {
            return parts;
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String at = where + ".content[" + j + "]";
            String type = part.path("type").asString("");
            switch (type) {
                case "text" -> parts.add(new Part.Text(part.path("text").asString("")));
                case "image_url" -> {
                    String url = part.path("image_url").path("url").asString("");
                    if (url.isBlank()) {
                        throw new Untranslatable(at, "an image_url part needs a non-empty 'image_url.url'");
                    }
                    parts.add(new Part.Image(Part.Source.ofUrl(url)));
                }
                case "file" -> parts.add(file(part, at));
                default -> parts.add(new Part.Opaque(ORIGIN, "an OpenAI '" + type + "' part", at, part));
            }
        }
        return parts;
    }

    /** A PDF sent inline ({@code file_data} as a data URL) is a PDF part; a file id or another type is opaque. */
    private static Part file(JsonNode part, String at) {
        JsonNode file = part.path("file");
        String data = file.path("file_data").asString("");
        String prefix = "data:application/pdf;base64,";
        if (!data.startsWith(prefix)) {
            return new Part.Opaque(ORIGIN, "an OpenAI 'file' part other than inline PDF data (file_data: "
                    + "data:application/pdf;base64,…)", at, part);
        }
        return new Part.Pdf(data.substring(prefix.length()), Optional.ofNullable(file.path("filename").asString(null)));
    }

    private static List<Part> assistantParts(JsonNode message) {
        List<Part> parts = new ArrayList<>();
        String text = text(message.path("content"));
        if (!text.isEmpty()) {
            parts.add(new Part.Text(text));
        }
        for (JsonNode call : message.path("tool_calls")) {
            parts.add(new Part.ToolUse(call.path("id").asString(""), call.path("function").path("name").asString(""),
                    arguments(call.path("function").path("arguments").asString(""))));
        }
        return parts;
    }

    /** Tool arguments are a JSON string in OpenAI and an object elsewhere; unparsable text is kept whole. */
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

    /** Appends parts to the last turn when it has the same role, else as a new turn. */
    private static void append(List<Chat.Turn> turns, Chat.Role role, List<Part> parts) {
        if (parts.isEmpty()) {
            return;
        }
        if (!turns.isEmpty() && turns.getLast().role() == role) {
            List<Part> merged = new ArrayList<>(turns.getLast().parts());
            merged.addAll(parts);
            turns.set(turns.size() - 1, new Chat.Turn(role, merged));
        } else {
            turns.add(new Chat.Turn(role, parts));
        }
    }

    /** The text of a string content or of the text parts of an array content. */
    static String text(JsonNode content) {
        return Json.text(content);
    }

    @Override
    public ObjectNode fromNeutral(Chat chat, List<String> notes) {
        ObjectNode out = Json.object().put("model", chat.model());
        ArrayNode messages = out.putArray("messages");
        if (!chat.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", String.join("\n", chat.system()));
        }
        boolean droppedThinking = false;
        for (int i = 0; i < chat.turns().size(); i++) {
            Chat.Turn turn = chat.turns().get(i);
            String where = "messages[" + i + "]";
            droppedThinking |= switch (turn.role()) {
                case USER -> user(turn.parts(), messages, where);
                case ASSISTANT -> assistant(turn.parts(), messages.addObject().put("role", "assistant"), where);
            };
        }
        if (droppedThinking) {
            notes.add("thinking blocks dropped: OpenAI Chat Completions cannot carry them");
        }
        chat.maxTokens().ifPresent(max -> out.put("max_tokens", max));
        chat.temperature().ifPresent(t -> out.put("temperature", t));
        chat.topP().ifPresent(p -> out.put("top_p", p));
        if (!chat.stop().isEmpty()) {
            ArrayNode stop = out.putArray("stop");
            chat.stop().forEach(stop::add);
        }
        if (chat.stream()) {
            out.put("stream", true);
        }
        writeTools(chat, out);
        chat.format().ifPresent(format -> {
            switch (format) {
                case Chat.OutputFormat.JsonObject json -> out.putObject("response_format").put("type", "json_object");
                case Chat.OutputFormat.JsonSchema schema -> {
                    ObjectNode spec = out.putObject("response_format").put("type", "json_schema")
                            .putObject("json_schema").put("name", schema.name()).put("strict", schema.strict());
                    spec.set("schema", schema.schema());
                }
            }
        });
        chat.user().ifPresent(user -> out.put("user", user));
        chat.extras().writeBack(out, ORIGIN, "OpenAI Chat Completions", notes);
        return out;
    }

    private static void writeTools(Chat chat, ObjectNode out) {
        if (chat.tools().isEmpty()) {
            return;
        }
        ArrayNode tools = out.putArray("tools");
        for (Chat.Tool tool : chat.tools()) {
            ObjectNode function = tools.addObject().put("type", "function").putObject("function").put("name", tool.name());
            tool.description().ifPresent(d -> function.put("description", d));
            function.set("parameters", tool.schema());
        }
        chat.toolChoice().ifPresent(choice -> {
            switch (choice) {
                case Chat.ToolChoice.Auto auto -> out.put("tool_choice", "auto");
                case Chat.ToolChoice.Any any -> out.put("tool_choice", "required");
                case Chat.ToolChoice.None none -> out.put("tool_choice", "none");
                case Chat.ToolChoice.Named named -> out.putObject("tool_choice").put("type", "function")
                        .putObject("function").put("name", named.name());
            }
        });
        if (chat.serialTools()) {
            out.put("parallel_tool_calls", false);
        }
    }

    /** A user turn: its tool results as {@code tool} messages first, then the rest as one user message. */
    private static boolean user(List<Part> turn, ArrayNode messages, String where) {
        ArrayNode parts = Json.MAPPER.createArrayNode();
        boolean onlyText = true;
        for (int j = 0; j < turn.size(); j++) {
            String at = where + ".content[" + j + "]";
            switch (turn.get(j)) {
                case Part.ToolResult result -> messages.addObject().put("role", "tool")
                        .put("tool_call_id", result.toolUseId()).put("content", toolResultText(result, at));
                case Part.Text text -> parts.addObject().put("type", "text").put("text", text.text());
                case Part.Image image -> {
                    parts.addObject().put("type", "image_url").putObject("image_url").put("url", switch (image.source()) {
                        case Part.Source.Base64 base64 -> base64.dataUrl();
                        case Part.Source.Url url -> url.url();
                    });
                    onlyText = false;
                }
                case Part.Pdf pdf -> {
                    String title = pdf.title().orElse("document");
                    parts.addObject().put("type", "file").putObject("file")
                            .put("filename", title.endsWith(".pdf") ? title : title + ".pdf")
                            .put("file_data", "data:application/pdf;base64," + pdf.data());
                    onlyText = false;
                }
                case Part.Opaque opaque when opaque.origin().equals(ORIGIN) -> {
                    parts.add(opaque.raw());
                    onlyText = false;
                }
                case Part.Opaque opaque -> throw new Untranslatable(opaque.where(), opaque.kind()
                        + " has no OpenAI Chat Completions equivalent");
                case Part.ToolUse use -> throw new Untranslatable(at, "a tool call belongs in an assistant turn");
                case Part.Thinking thinking -> throw new Untranslatable(at, "a thinking block belongs in an assistant turn");
                case Part.RedactedThinking thinking ->
                        throw new Untranslatable(at, "a thinking block belongs in an assistant turn");
            }
        }
        if (!parts.isEmpty()) {
            ObjectNode message = messages.addObject().put("role", "user");
            if (onlyText) {
                message.put("content", text(parts));
            } else {
                message.set("content", parts);
            }
        }
        return false;
    }

    /** A tool result's text; OpenAI tool messages carry text only, so an image in one is refused. */
    private static String toolResultText(Part.ToolResult result, String at) {
        for (Part part : result.content()) {
            if (!(part instanceof Part.Text)) {
                throw new Untranslatable(at, "a tool result holding " + describe(part) + " has no OpenAI equivalent "
                        + "(tool messages carry text only)");
            }
        }
        return Part.text(result.content(), "\n");
    }

    private static String describe(Part part) {
        return switch (part) {
            case Part.Text t -> "text";
            case Part.Image i -> "an image";
            case Part.Pdf p -> "a document";
            case Part.ToolUse u -> "a tool call";
            case Part.ToolResult r -> "a tool result";
            case Part.Thinking t -> "a thinking block";
            case Part.RedactedThinking t -> "a thinking block";
            case Part.Opaque o -> o.kind();
        };
    }

    /** An assistant turn: text joined, tool calls as {@code tool_calls}; returns whether thinking was dropped. */
    private static boolean assistant(List<Part> turn, ObjectNode message, String where) {
        StringBuilder text = new StringBuilder();
        ArrayNode calls = Json.MAPPER.createArrayNode();
        boolean dropped = false;
        for (int j = 0; j < turn.size(); j++) {
            switch (turn.get(j)) {
                case Part.Text t -> text.append(t.text());
                case Part.ToolUse use -> calls.addObject().put("id", use.id()).put("type", "function")
                        .putObject("function").put("name", use.name()).put("arguments", Json.write(use.input()));
                case Part.Thinking thinking -> dropped = true;
                case Part.RedactedThinking thinking -> dropped = true;
                case Part.Opaque opaque when opaque.origin().equals(ORIGIN) -> {
                }
                case Part.Opaque opaque -> throw new Untranslatable(opaque.where(), opaque.kind()
                        + " has no OpenAI Chat Completions equivalent");
                case Part part -> throw new Untranslatable(where + ".content[" + j + "]", describe(part)
                        + " has no place in an OpenAI assistant message");
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
        return dropped;
    }

    @Override
    public Reply replyToNeutral(JsonNode in) {
        JsonNode choice = in.path("choices").path(0);
        JsonNode message = choice.path("message");
        List<Part> content = new ArrayList<>(assistantParts(message));
        return new Reply(in.path("id").asString(""), in.path("model").asString(""), content,
                stopReason(choice.path("finish_reason").asString("stop")), Optional.empty(), tokens(in.path("usage")));
    }

    /** The token counts of a usage object (cached prompt tokens as OpenAI or DeepSeek report them). */
    static Reply.Tokens tokens(JsonNode usage) {
        long cached = TokenCount.of(usage.path("prompt_tokens_details").path("cached_tokens"))
                .orElse(TokenCount.of(usage.path("prompt_cache_hit_tokens"), 0));
        return new Reply.Tokens(TokenCount.of(usage.path("prompt_tokens"), 0),
                TokenCount.of(usage.path("completion_tokens"), 0), cached, 0);
    }

    static Reply.StopReason stopReason(String finishReason) {
        return switch (finishReason) {
            case "length" -> Reply.StopReason.MAX_TOKENS;
            case "tool_calls", "function_call" -> Reply.StopReason.TOOL_USE;
            case "content_filter" -> Reply.StopReason.REFUSAL;
            default -> Reply.StopReason.END_TURN;
        };
    }

    static String finishReason(Reply.StopReason reason) {
        return switch (reason) {
            case END_TURN, STOP_SEQUENCE -> "stop";
            case MAX_TOKENS -> "length";
            case TOOL_USE -> "tool_calls";
            case REFUSAL -> "content_filter";
        };
    }

    @Override
    public ObjectNode replyFromNeutral(Reply reply, long epochSecond) {
        ObjectNode out = Json.object().put("id", reply.id().isEmpty() ? "chatcmpl-gapwise" : reply.id())
                .put("object", "chat.completion").put("created", epochSecond).put("model", reply.model());
        ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        assistant(reply.content().stream().filter(p -> !(p instanceof Part.Opaque)).toList(), message, "content");
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(reply.stop()));
        out.set("usage", usage(reply.tokens()));
        return out;
    }

    /** A usage object for a client. */
    static ObjectNode usage(Reply.Tokens tokens) {
        ObjectNode usage = Json.object().put("prompt_tokens", tokens.prompt()).put("completion_tokens", tokens.output())
                .put("total_tokens", TokenCount.sum(tokens.prompt(), tokens.output()));
        if (tokens.cacheRead() > 0) {
            usage.putObject("prompt_tokens_details").put("cached_tokens", tokens.cacheRead());
        }
        return usage;
    }

    @Override
    public StreamDecoder decoder() {
        return new OpenAiStream.Decoder();
    }

    @Override
    public StreamEncoder encoder(boolean includeUsage, long epochSecond) {
        return new OpenAiStream.Encoder(includeUsage, epochSecond);
    }

    @Override
    public StreamTranslator passThrough(boolean includeUsage) {
        return new OpenAiStream.PassThrough(includeUsage);
    }
}
