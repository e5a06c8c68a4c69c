package dev.gapwise.gateway.dialect.anthropic;

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
 * Anthropic Messages to and from the neutral records. Reading: {@code system} is the system instructions, content
 * blocks become parts (thinking blocks keep their signatures), a block with no neutral meaning (a document by URL,
 * a server tool's result, …) travels as an opaque part only Anthropic can carry, and fields such as {@code
 * thinking} and {@code top_k} as extras. Writing: consecutive turns of one role are merged (Anthropic requires
 * alternation), {@code max_tokens} is always set, sampling values are capped at Anthropic's 1.0, and an output
 * format becomes an instruction in the system prompt (Messages has no such field). Pure functions; stateless.
 */
final class AnthropicMapping implements DialectMapping {
    /** Anthropic requires max_tokens; clients of other dialects often omit it. */
    static final int DEFAULT_MAX_TOKENS = 4096;
    private static final String ORIGIN = "anthropic";
    private static final Set<String> KNOWN = Set.of("model", "messages", "system", "max_tokens", "temperature",
            "top_p", "stop_sequences", "stream", "tools", "tool_choice", "metadata");

    @Override
    public Chat toNeutral(ObjectNode in) {
        List<String> system = new ArrayList<>();
        if (in.path("system").isString()) {
            system.add(in.path("system").stringValue());
        } else {
            for (JsonNode block : in.path("system")) {
                system.add(block.path("text").asString(""));
            }
        }
        List<Chat.Turn> turns = new ArrayList<>();
        JsonNode all = in.path("messages");
        for (int i = 0; i < all.size(); i++) {
            JsonNode message = all.get(i);
            Chat.Role role = message.path("role").asString("").equals("assistant") ? Chat.Role.ASSISTANT : Chat.Role.USER;
            turns.add(new Chat.Turn(role, parts(message.path("content"), "messages[" + i + "]")));
        }
        List<String> stop = new ArrayList<>();
        in.path("stop_sequences").forEach(s -> stop.add(s.asString("")));
        List<Chat.Tool> tools = new ArrayList<>();
        JsonNode declared = in.path("tools");
        for (int i = 0; i < declared.size(); i++) {
            JsonNode tool = declared.get(i);
            String type = tool.path("type").asString("custom");
            if (!type.equals("custom")) {
                throw new Untranslatable("tools[" + i + "]", "the Anthropic server tool '" + type + "' runs at "
                        + "Anthropic and has no equivalent in other dialects");
            }
            tools.add(new Chat.Tool(tool.path("name").asString(""), Optional.ofNullable(tool.path("description").asString(null)),
                    tool.path("input_schema").isObject() ? tool.path("input_schema") : Json.object().put("type", "object")));
        }
        JsonNode choice = in.path("tool_choice");
        Optional<Chat.ToolChoice> toolChoice = choice.isObject() ? Optional.of(switch (choice.path("type").asString("auto")) {
            case "any" -> new Chat.ToolChoice.Any();
            case "none" -> new Chat.ToolChoice.None();
            case "tool" -> new Chat.ToolChoice.Named(choice.path("name").asString(""));
            default -> new Chat.ToolChoice.Auto();
        }) : Optional.empty();
        ObjectNode extras = Json.object();
        in.properties().forEach(field -> {
            if (!KNOWN.contains(field.getKey())) {
                extras.set(field.getKey(), field.getValue());
            }
        });
        return new Chat(in.path("model").asString(""), system, turns,
                in.path("max_tokens").isNumber() ? OptionalInt.of(in.path("max_tokens").asInt()) : OptionalInt.empty(),
                number(in, "temperature"), number(in, "top_p"), stop, in.path("stream").asBoolean(false), tools,
                toolChoice, choice.path("disable_parallel_tool_use").asBoolean(false), Optional.empty(),
                Optional.ofNullable(in.path("metadata").path("user_id").asString(null)), new Chat.Extras(ORIGIN, extras));
    }

    private static OptionalDouble number(JsonNode in, String field) {
        return in.path(field).isNumber() ? OptionalDouble.of(in.path(field).asDouble()) : OptionalDouble.empty();
    }

    /** The blocks of a message (a string content is one text block). */
    private static List<Part> parts(JsonNode content, String where) {
        List<Part> parts = new ArrayList<>();
        if (content.isString()) {
            parts.add(new Part.Text(content.stringValue()));
            return parts;
        }
        if (!content.isArray()) {
            throw new Untranslatable(where + ".content", "must be a string or an array of content blocks");
        }
        for (int j = 0; j < content.size(); j++) {
            parts.add(part(content.get(j), where + ".content[" + j + "]"));
        }
        return parts;
    }

    private static Part part(JsonNode block, String at) {
        String type = block.path("type").asString("");
        return switch (type) {
            case "text" -> new Part.Text(block.path("text").asString(""));
            case "image" -> new Part.Image(source(block.path("source"), at));
            case "document" -> document(block, at);
            case "tool_use" -> new Part.ToolUse(block.path("id").asString(""), block.path("name").asString(""),
                    block.path("input").isObject() ? block.path("input") : Json.object());
            case "tool_result" -> new Part.ToolResult(block.path("tool_use_id").asString(""),
                    parts(block.path("content").isMissingNode() ? Json.MAPPER.getNodeFactory().stringNode("")
                            : block.path("content"), at), block.path("is_error").asBoolean(false));
            case "thinking" -> new Part.Thinking(block.path("thinking").asString(""), block.path("signature").asString(""));
            case "redacted_thinking" -> new Part.RedactedThinking(block.path("data").asString(""));
            default -> new Part.Opaque(ORIGIN, "an Anthropic '" + type + "' block", at, block);
        };
    }

    /**
     * An image block's source; one with no usable source is a broken request (also refused at the ingress).
     *
     * @throws Untranslatable when the source is missing or incomplete
     */
    static Part.Source source(JsonNode source, String at) {
        String kind = source.path("type").asString("");
        if (kind.equals("base64") && source.path("media_type").isString() && source.path("data").isString()
                && !source.path("data").stringValue().isEmpty()) {
            return new Part.Source.Base64(source.path("media_type").stringValue(), source.path("data").stringValue());
        }
        if (kind.equals("url") && source.path("url").isString() && !source.path("url").stringValue().isBlank()) {
            return new Part.Source.Url(source.path("url").stringValue());
        }
        throw new Untranslatable(at, "an image block needs a 'source' of type base64 (media_type and data) or "
                + "url (a non-empty url)");
    }

    /** A base64 PDF is a PDF part, a text document a text part; other documents are opaque. */
    private static Part document(JsonNode block, String at) {
        JsonNode source = block.path("source");
        String kind = source.path("type").asString("missing");
        if (kind.equals("base64") && source.path("data").isString()
                && source.path("media_type").asString("").equals("application/pdf")) {
            return new Part.Pdf(source.path("data").stringValue(), Optional.ofNullable(block.path("title").asString(null)));
        }
        if (kind.equals("text") && source.path("data").isString()) {
            return new Part.Text(source.path("data").stringValue());
        }
        if (kind.equals("content")) {
            return new Part.Text(Json.text(source.path("content")));
        }
        return new Part.Opaque(ORIGIN, "a document block with a '" + kind + "' source (base64 PDF and text "
                + "documents translate)", at, block);
    }

    @Override
    public ObjectNode fromNeutral(Chat chat, List<String> notes) {
        ObjectNode out = Json.object().put("model", chat.model());
        out.put("max_tokens", chat.maxTokens().orElse(DEFAULT_MAX_TOKENS));
        List<String> system = new ArrayList<>(chat.system());
        chat.format().ifPresent(format -> {
            system.add(switch (format) {
                case Chat.OutputFormat.JsonObject json -> "Respond with a single JSON object and nothing else.";
                case Chat.OutputFormat.JsonSchema schema -> "Respond with JSON only, matching this JSON Schema: "
                        + Json.write(schema.schema());
            });
            notes.add("the output format is asked for in the system prompt: Anthropic Messages has no structured "
                    + "output field");
        });
        ArrayNode messages = out.putArray("messages");
        for (int i = 0; i < chat.turns().size(); i++) {
            Chat.Turn turn = chat.turns().get(i);
            List<JsonNode> blocks = new ArrayList<>();
            for (int j = 0; j < turn.parts().size(); j++) {
                blocks.add(block(turn.parts().get(j), "messages[" + i + "].content[" + j + "]"));
            }
            append(messages, switch (turn.role()) {
                case USER -> "user";
                case ASSISTANT -> "assistant";
            }, blocks);
        }
        if (!system.isEmpty()) {
            out.put("system", String.join("\n\n", system));
        }
        chat.temperature().ifPresent(t -> out.put("temperature", Math.min(1.0, t)));
        chat.topP().ifPresent(p -> out.put("top_p", Math.min(1.0, p)));
        if (!chat.stop().isEmpty()) {
            ArrayNode stop = out.putArray("stop_sequences");
            chat.stop().forEach(stop::add);
        }
        if (chat.stream()) {
            out.put("stream", true);
        }
        writeTools(chat, out);
        chat.user().ifPresent(user -> out.putObject("metadata").put("user_id", user));
        chat.extras().writeBack(out, ORIGIN, "Anthropic Messages", notes);
        return out;
    }

    private static void writeTools(Chat chat, ObjectNode out) {
        if (chat.tools().isEmpty()) {
            return;
        }
        ArrayNode tools = out.putArray("tools");
        for (Chat.Tool tool : chat.tools()) {
            ObjectNode converted = tools.addObject().put("name", tool.name());
            tool.description().ifPresent(d -> converted.put("description", d));
            converted.set("input_schema", tool.schema());
        }
        ObjectNode choice = chat.toolChoice().map(c -> switch (c) {
            case Chat.ToolChoice.Auto auto -> Json.object().put("type", "auto");
            case Chat.ToolChoice.Any any -> Json.object().put("type", "any");
            case Chat.ToolChoice.None none -> Json.object().put("type", "none");
            case Chat.ToolChoice.Named named -> Json.object().put("type", "tool").put("name", named.name());
        }).orElse(null);
        if (chat.serialTools()) {
            choice = choice == null ? Json.object().put("type", "auto") : choice;
            choice.put("disable_parallel_tool_use", true);
        }
        if (choice != null) {
            out.set("tool_choice", choice);
        }
    }

    private static JsonNode block(Part part, String at) {
        return switch (part) {
            case Part.Text text -> Json.object().put("type", "text").put("text", text.text());
            case Part.Image image -> {
                ObjectNode block = Json.object().put("type", "image");
                ObjectNode source = block.putObject("source");
                switch (image.source()) {
                    case Part.Source.Base64 base64 -> source.put("type", "base64").put("media_type", base64.mediaType())
                            .put("data", base64.data());
                    case Part.Source.Url url -> source.put("type", "url").put("url", url.url());
                }
                yield block;
            }
            case Part.Pdf pdf -> {
                ObjectNode block = Json.object().put("type", "document");
                block.putObject("source").put("type", "base64").put("media_type", "application/pdf").put("data", pdf.data());
                pdf.title().ifPresent(title -> block.put("title", title));
                yield block;
            }
            case Part.ToolUse use -> {
                ObjectNode block = Json.object().put("type", "tool_use").put("id", use.id()).put("name", use.name());
                block.set("input", use.input());
                yield block;
            }
            case Part.ToolResult result -> {
                ObjectNode block = Json.object().put("type", "tool_result").put("tool_use_id", result.toolUseId());
                if (result.content().stream().allMatch(p -> p instanceof Part.Text)) {
                    block.put("content", Part.text(result.content(), "\n"));
                } else {
                    ArrayNode content = block.putArray("content");
                    for (Part inner : result.content()) {
                        content.add(block(inner, at));
                    }
                }
                if (result.error()) {
                    block.put("is_error", true);
                }
                yield block;
            }
            case Part.Thinking thinking -> Json.object().put("type", "thinking").put("thinking", thinking.text())
                    .put("signature", thinking.signature());
            case Part.RedactedThinking redacted -> Json.object().put("type", "redacted_thinking").put("data", redacted.data());
            case Part.Opaque opaque when opaque.origin().equals(ORIGIN) -> opaque.raw();
            case Part.Opaque opaque -> throw new Untranslatable(opaque.where(), opaque.kind()
                    + " has no Anthropic Messages equivalent");
        };
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
            content = messages.addObject().put("role", role).putArray("content");
        }
        blocks.forEach(content::add);
    }

    @Override
    public Reply replyToNeutral(JsonNode in) {
        List<Part> content = new ArrayList<>();
        JsonNode blocks = in.path("content");
        for (int j = 0; blocks.isArray() && j < blocks.size(); j++) {
            content.add(part(blocks.get(j), "content[" + j + "]"));
        }
        return new Reply(in.path("id").asString(""), in.path("model").asString(""), content,
                stopReason(in.path("stop_reason").asString("end_turn")),
                Optional.ofNullable(in.path("stop_sequence").asString(null)), tokens(in.path("usage"), Reply.Tokens.NONE));
    }

    /** The counts of a usage object; {@code earlier} supplies those it leaves out (a stream's later events). */
    static Reply.Tokens tokens(JsonNode usage, Reply.Tokens earlier) {
        long read = TokenCount.of(usage.path("cache_read_input_tokens"), earlier.cacheRead());
        long write = TokenCount.of(usage.path("cache_creation_input_tokens"), earlier.cacheWrite());
        long input = TokenCount.of(usage.path("input_tokens"), earlier.uncachedPrompt());
        return new Reply.Tokens(TokenCount.sum(TokenCount.sum(input, read), write),
                TokenCount.of(usage.path("output_tokens"), earlier.output()), read, write);
    }

    static Reply.StopReason stopReason(String stopReason) {
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> Reply.StopReason.MAX_TOKENS;
            case "stop_sequence" -> Reply.StopReason.STOP_SEQUENCE;
            case "tool_use" -> Reply.StopReason.TOOL_USE;
            case "refusal" -> Reply.StopReason.REFUSAL;
            default -> Reply.StopReason.END_TURN;
        };
    }

    static String stopReason(Reply.StopReason reason) {
        return switch (reason) {
            case END_TURN -> "end_turn";
            case MAX_TOKENS -> "max_tokens";
            case STOP_SEQUENCE -> "stop_sequence";
            case TOOL_USE -> "tool_use";
            case REFUSAL -> "refusal";
        };
    }

    @Override
    public ObjectNode replyFromNeutral(Reply reply, long epochSecond) {
        ObjectNode out = Json.object().put("id", reply.id().isEmpty() ? "msg_gapwise" : reply.id()).put("type", "message")
                .put("role", "assistant").put("model", reply.model());
        ArrayNode content = out.putArray("content");
        for (Part part : reply.content()) {
            if (!(part instanceof Part.Opaque opaque) || opaque.origin().equals(ORIGIN)) {
                content.add(block(part, "content"));
            }
        }
        out.put("stop_reason", stopReason(reply.stop()));
        reply.stopSequence().ifPresentOrElse(s -> out.put("stop_sequence", s), () -> out.putNull("stop_sequence"));
        out.set("usage", usage(reply.tokens()));
        return out;
    }

    /** A usage object for a client: input at the full rate, cache reads and writes apart. */
    static ObjectNode usage(Reply.Tokens tokens) {
        ObjectNode usage = Json.object().put("input_tokens", tokens.uncachedPrompt()).put("output_tokens", tokens.output());
        if (tokens.cacheRead() > 0) {
            usage.put("cache_read_input_tokens", tokens.cacheRead());
        }
        if (tokens.cacheWrite() > 0) {
            usage.put("cache_creation_input_tokens", tokens.cacheWrite());
        }
        return usage;
    }

    @Override
    public StreamDecoder decoder() {
        return new AnthropicStream.Decoder();
    }

    @Override
    public StreamEncoder encoder(boolean includeUsage, long epochSecond) {
        return new AnthropicStream.Encoder();
    }

    @Override
    public StreamTranslator passThrough(boolean includeUsage) {
        return new AnthropicStream.PassThrough();
    }
}
