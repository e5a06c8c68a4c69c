package dev.gapwise.gateway.dialect.gemini;

import dev.gapwise.gateway.dialect.DialectMapping;
import dev.gapwise.gateway.dialect.StreamDecoder;
import dev.gapwise.gateway.dialect.StreamEncoder;
import dev.gapwise.gateway.dialect.StreamTranslator;
import dev.gapwise.gateway.dialect.neutral.Chat;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.Part;
import dev.gapwise.gateway.dialect.neutral.Reply;
import dev.gapwise.gateway.dialect.neutral.Untranslatable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Gemini requests and answers to and from the neutral records. How the shapes meet: {@code contents[].role} {@code
 * model} is the assistant; {@code systemInstruction.parts} the system text; {@code inlineData} an image or PDF in
 * base64, {@code fileData} an image by URI; {@code functionCall} / {@code functionResponse} tool use and results,
 * matched by {@code id} when the client sends one and otherwise by name, oldest unanswered call first (Gemini's own
 * rule); {@code generationConfig} carries the output limit, sampling, stop sequences and structured output ({@code
 * responseMimeType} with {@code responseJsonSchema} or {@code responseSchema}). {@code thinkingConfig}, safety
 * settings and tools other than functions have no neutral meaning: kept for Gemini, noted as dropped elsewhere.
 * Gemini's thought summaries ({@code thought: true}) are not input (Google ignores them in history) and not
 * verifiable thinking, so they are dropped on the way to another dialect. Stateless.
 */
final class GeminiMapping implements DialectMapping {
    static final String ORIGIN = "gemini";
    /** Top-level request fields read into the neutral chat; the rest are extras. */
    private static final Set<String> KNOWN = Set.of("model", "stream", "contents", "systemInstruction", "tools",
            "toolConfig", "generationConfig");
    /** {@code generationConfig} fields read into the neutral chat; the rest travel as extras. */
    private static final Set<String> KNOWN_CONFIG = Set.of("maxOutputTokens", "temperature", "topP", "stopSequences",
            "responseMimeType", "responseSchema", "responseJsonSchema", "candidateCount");

    /** The function declarations of a request's tools. */
    static Iterable<JsonNode> functions(JsonNode request) {
        List<JsonNode> functions = new ArrayList<>();
        for (JsonNode tool : request.path("tools")) {
            tool.path("functionDeclarations").forEach(functions::add);
        }
        return functions;
    }

    @Override
    public Chat toNeutral(ObjectNode in) {
        List<String> system = new ArrayList<>();
        for (JsonNode part : in.path("systemInstruction").path("parts")) {
            if (part.path("text").isString()) {
                system.add(part.path("text").stringValue());
            }
        }
        List<Chat.Turn> turns = new ArrayList<>();
        Map<String, Deque<String>> pending = new HashMap<>();
        JsonNode contents = in.path("contents");
        for (int i = 0; i < contents.size(); i++) {
            JsonNode turn = contents.get(i);
            boolean model = GeminiWire.MODEL_ROLE.equals(turn.path("role").asString("user"));
            List<Part> parts = new ArrayList<>();
            JsonNode wire = turn.path("parts");
            for (int j = 0; j < wire.size(); j++) {
                part(wire.get(j), "contents[" + i + "].parts[" + j + "]", i, j, pending).ifPresent(parts::add);
            }
            turns.add(new Chat.Turn(model ? Chat.Role.ASSISTANT : Chat.Role.USER, parts));
        }
        JsonNode config = in.path("generationConfig");
        List<String> stop = new ArrayList<>();
        config.path("stopSequences").forEach(s -> stop.add(s.asString("")));
        ObjectNode extras = Json.object();
        in.properties().forEach(field -> {
            if (!KNOWN.contains(field.getKey())) {
                extras.set(field.getKey(), field.getValue());
            }
        });
        ObjectNode configExtras = Json.object();
        config.properties().forEach(field -> {
            if (!KNOWN_CONFIG.contains(field.getKey())) {
                configExtras.set(field.getKey(), field.getValue());
            }
        });
        if (!configExtras.isEmpty()) {
            extras.set("generationConfig", configExtras);
        }
        ArrayNode otherTools = Json.MAPPER.createArrayNode();
        for (JsonNode tool : in.path("tools")) {
            ObjectNode rest = tool.isObject() ? ((ObjectNode) tool).deepCopy() : Json.object();
            rest.remove("functionDeclarations");
            if (!rest.isEmpty()) {
                otherTools.add(rest);
            }
        }
        if (!otherTools.isEmpty()) {
            extras.set("tools", otherTools);
        }
        JsonNode max = config.path("maxOutputTokens");
        return new Chat(in.path("model").asString(""), system, turns,
                max.isNumber() ? OptionalInt.of(max.asInt()) : OptionalInt.empty(), number(config, "temperature"),
                number(config, "topP"), stop, in.path("stream").asBoolean(false), tools(in),
                toolChoice(in.path("toolConfig").path("functionCallingConfig")), false, format(config),
                Optional.empty(), new Chat.Extras(ORIGIN, extras));
    }

    private static Optional<Part> part(JsonNode part, String at, int turn, int index, Map<String, Deque<String>> pending) {
        if (part.path("thought").asBoolean(false)) {
            // a thought summary is not input to Gemini either (Google ignores it in history)
            return Optional.empty();
        }
        if (part.has("text")) {
            return Optional.of(new Part.Text(part.path("text").asString("")));
        }
        if (part.has("inlineData")) {
            String mime = part.path("inlineData").path("mimeType").asString("");
            String data = part.path("inlineData").path("data").asString("");
            if (mime.startsWith("image/")) {
                return Optional.of(new Part.Image(new Part.Source.Base64(mime, data)));
            }
            if (mime.equals("application/pdf")) {
                return Optional.of(new Part.Pdf(data, Optional.empty()));
            }
            return Optional.of(new Part.Opaque(ORIGIN, "a Gemini inlineData part of type " + mime, at, part));
        }
        if (part.has("fileData")) {
            String mime = part.path("fileData").path("mimeType").asString("");
            String uri = part.path("fileData").path("fileUri").asString("");
            if (mime.startsWith("image/") && (uri.startsWith("https://") || uri.startsWith("http://"))) {
                return Optional.of(new Part.Image(new Part.Source.Url(uri)));
            }
            return Optional.of(new Part.Opaque(ORIGIN, "a Gemini fileData part (" + (mime.isEmpty() ? "no mimeType"
                    : mime) + ")", at, part));
        }
        if (part.has("functionCall")) {
            JsonNode call = part.path("functionCall");
            String name = call.path("name").asString("");
            String id = call.path("id").asString("");
            if (id.isEmpty()) {
                id = "call_" + turn + "_" + index;
            }
            pending.computeIfAbsent(name, n -> new ArrayDeque<>()).addLast(id);
            return Optional.of(new Part.ToolUse(id, name, call.path("args").isObject() ? call.path("args") : Json.object()));
        }
        if (part.has("functionResponse")) {
            JsonNode response = part.path("functionResponse");
            String name = response.path("name").asString("");
            Deque<String> calls = pending.getOrDefault(name, new ArrayDeque<>());
            String id = response.path("id").asString("");
            if (id.isEmpty()) {
                if (calls.isEmpty()) {
                    throw new Untranslatable(at, "a functionResponse for '" + name + "' with no earlier functionCall "
                            + "of that name to answer");
                }
                id = calls.removeFirst();
            } else {
                calls.remove(id);
            }
            JsonNode result = response.path("response");
            boolean error = result.has("error") && !result.has("output") && !result.has("content");
            JsonNode shown = result.size() == 1 && result.properties().iterator().next().getValue().isString()
                    ? result.properties().iterator().next().getValue() : result;
            return Optional.of(new Part.ToolResult(id, List.of(new Part.Text(shown.isString() ? shown.stringValue()
                    : Json.write(shown))), error));
        }
        String kind = part.propertyNames().stream().findFirst().orElse("empty");
        return Optional.of(new Part.Opaque(ORIGIN, "a Gemini '" + kind + "' part", at, part));
    }

    private static OptionalDouble number(JsonNode in, String field) {
        return in.path(field).isNumber() ? OptionalDouble.of(in.path(field).asDouble()) : OptionalDouble.empty();
    }

    private static List<Chat.Tool> tools(JsonNode in) {
        List<Chat.Tool> tools = new ArrayList<>();
        for (JsonNode function : functions(in)) {
            JsonNode schema = function.path("parametersJsonSchema").isObject() ? function.path("parametersJsonSchema")
                    : function.path("parameters").isObject() ? GeminiSchema.toJsonSchema(function.path("parameters"))
                    : Json.object().put("type", "object");
            tools.add(new Chat.Tool(function.path("name").asString(""),
                    Optional.ofNullable(function.path("description").asString(null)), schema));
        }
        return tools;
    }

    private static Optional<Chat.ToolChoice> toolChoice(JsonNode config) {
        List<String> allowed = new ArrayList<>();
        config.path("allowedFunctionNames").forEach(n -> allowed.add(n.asString("")));
        return switch (config.path("mode").asString("")) {
            case "ANY" -> Optional.of(allowed.size() == 1 ? new Chat.ToolChoice.Named(allowed.getFirst())
                    : new Chat.ToolChoice.Any());
            case "NONE" -> Optional.of(new Chat.ToolChoice.None());
            case "AUTO", "VALIDATED" -> Optional.of(new Chat.ToolChoice.Auto());
            default -> Optional.empty();
        };
    }

    private static Optional<Chat.OutputFormat> format(JsonNode config) {
        if (!"application/json".equals(config.path("responseMimeType").asString(""))) {
            return Optional.empty();
        }
        if (config.path("responseJsonSchema").isObject()) {
            return Optional.of(new Chat.OutputFormat.JsonSchema("response", config.path("responseJsonSchema"), false));
        }
        if (config.path("responseSchema").isObject()) {
            return Optional.of(new Chat.OutputFormat.JsonSchema("response",
                    GeminiSchema.toJsonSchema(config.path("responseSchema")), false));
        }
        return Optional.of(new Chat.OutputFormat.JsonObject());
    }

    @Override
    public ObjectNode fromNeutral(Chat chat, List<String> notes) {
        ObjectNode out = Json.object();
        if (!chat.system().isEmpty()) {
            ArrayNode parts = out.putObject("systemInstruction").putArray("parts");
            chat.system().forEach(text -> parts.addObject().put("text", text));
        }
        Map<String, String> names = new HashMap<>();
        ArrayNode contents = out.putArray("contents");
        boolean droppedThinking = false;
        for (int i = 0; i < chat.turns().size(); i++) {
            Chat.Turn turn = chat.turns().get(i);
            ArrayNode parts = Json.MAPPER.createArrayNode();
            for (Part part : turn.parts()) {
                switch (part) {
                    case Part.Text text -> parts.addObject().put("text", text.text());
                    case Part.Image image -> parts.add(image(image, "turn " + i));
                    case Part.Pdf pdf -> parts.addObject().putObject("inlineData").put("mimeType", "application/pdf")
                            .put("data", pdf.data());
                    case Part.ToolUse use -> {
                        names.put(use.id(), use.name());
                        parts.addObject().putObject("functionCall").put("id", use.id()).put("name", use.name())
                                .set("args", use.input().isObject() ? use.input() : Json.object());
                    }
                    case Part.ToolResult result -> parts.addObject().set("functionResponse", response(result, names, i));
                    case Part.Thinking thinking -> droppedThinking = true;
                    case Part.RedactedThinking redacted -> droppedThinking = true;
                    case Part.Opaque opaque when opaque.origin().equals(ORIGIN) -> parts.add(opaque.raw());
                    case Part.Opaque opaque -> throw new Untranslatable(opaque.where(), opaque.kind()
                            + " has no Gemini equivalent");
                }
            }
            if (!parts.isEmpty()) {
                ObjectNode content = contents.addObject().put("role",
                        turn.role() == Chat.Role.ASSISTANT ? GeminiWire.MODEL_ROLE : "user");
                content.set("parts", parts);
            }
        }
        if (droppedThinking) {
            notes.add("thinking blocks dropped: Gemini cannot verify another provider's reasoning");
        }
        ObjectNode config = Json.object();
        chat.maxTokens().ifPresent(max -> config.put("maxOutputTokens", max));
        chat.temperature().ifPresent(t -> config.put("temperature", t));
        chat.topP().ifPresent(p -> config.put("topP", p));
        if (!chat.stop().isEmpty()) {
            ArrayNode stops = config.putArray("stopSequences");
            chat.stop().forEach(stops::add);
        }
        chat.format().ifPresent(format -> {
            config.put("responseMimeType", "application/json");
            switch (format) {
                case Chat.OutputFormat.JsonObject object -> {
                }
                case Chat.OutputFormat.JsonSchema schema -> config.set("responseJsonSchema", schema.schema());
            }
        });
        if (!chat.tools().isEmpty()) {
            ArrayNode declarations = out.putArray("tools").addObject().putArray("functionDeclarations");
            for (Chat.Tool tool : chat.tools()) {
                ObjectNode declaration = declarations.addObject().put("name", tool.name());
                tool.description().ifPresent(d -> declaration.put("description", d));
                declaration.set("parametersJsonSchema", tool.schema());
            }
        }
        chat.toolChoice().ifPresent(choice -> {
            ObjectNode calling = out.putObject("toolConfig").putObject("functionCallingConfig");
            switch (choice) {
                case Chat.ToolChoice.Auto auto -> calling.put("mode", "AUTO");
                case Chat.ToolChoice.Any any -> calling.put("mode", "ANY");
                case Chat.ToolChoice.None none -> calling.put("mode", "NONE");
                case Chat.ToolChoice.Named named -> {
                    calling.put("mode", "ANY");
                    calling.putArray("allowedFunctionNames").add(named.name());
                }
            }
        });
        if (chat.serialTools()) {
            notes.add("one tool call per turn not enforced: Gemini has no such setting");
        }
        chat.user().ifPresent(user -> notes.add("'user' dropped: Gemini has no end-user field"));
        if (chat.extras().origin().equals(ORIGIN)) {
            chat.extras().fields().properties().forEach(field -> {
                switch (field.getKey()) {
                    case "generationConfig" -> config.setAll((ObjectNode) field.getValue());
                    case "tools" -> {
                        ArrayNode tools = out.has("tools") ? (ArrayNode) out.get("tools") : out.putArray("tools");
                        field.getValue().forEach(tools::add);
                    }
                    default -> out.set(field.getKey(), field.getValue());
                }
            });
        } else {
            chat.extras().fields().propertyNames().forEach(name -> notes.add("'" + name + "' dropped: Gemini "
                    + "generateContent has no equivalent"));
        }
        if (!config.isEmpty()) {
            out.set("generationConfig", config);
        }
        out.put("stream", chat.stream());
        return out;
    }

    private static ObjectNode image(Part.Image image, String where) {
        ObjectNode part = Json.object();
        switch (image.source()) {
            case Part.Source.Base64 inline -> part.putObject("inlineData").put("mimeType", inline.mediaType())
                    .put("data", inline.data());
            case Part.Source.Url url -> throw new Untranslatable(where, "an image by URL (" + dev.gapwise.gateway.text
                    .CleanText.of(url.url(), 80) + "): Gemini takes images inline as base64 data; send the bytes");
        }
        return part;
    }

    private static ObjectNode response(Part.ToolResult result, Map<String, String> names, int turn) {
        String name = names.get(result.toolUseId());
        if (name == null) {
            throw new Untranslatable("turn " + turn, "a tool result for '" + result.toolUseId() + "' with no earlier "
                    + "tool call of that id: Gemini names the function a result answers");
        }
        StringBuilder text = new StringBuilder();
        for (Part part : result.content()) {
            switch (part) {
                case Part.Text t -> text.append(text.isEmpty() ? "" : "\n").append(t.text());
                default -> throw new Untranslatable("turn " + turn, "a tool result holding more than text: Gemini's "
                        + "functionResponse carries JSON");
            }
        }
        ObjectNode response = Json.object().put("id", result.toolUseId()).put("name", name);
        response.putObject("response").put(result.error() ? "error" : "output", text.toString());
        return response;
    }

    @Override
    public Reply replyToNeutral(JsonNode response) {
        JsonNode candidate = response.path("candidates").path(0);
        List<Part> content = new ArrayList<>();
        int calls = 0;
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("thought").asBoolean(false)) {
                continue;
            }
            if (part.has("functionCall")) {
                JsonNode call = part.path("functionCall");
                content.add(new Part.ToolUse(call.path("id").asString("call_" + calls), call.path("name").asString(""),
                        call.path("args").isObject() ? call.path("args") : Json.object()));
                calls++;
            } else if (part.path("text").isString()) {
                content.add(new Part.Text(part.path("text").stringValue()));
            }
        }
        return new Reply(response.path("responseId").asString("gemini"), response.path("modelVersion").asString(""),
                content, stop(candidate.path("finishReason").asString("STOP"), calls > 0), Optional.empty(),
                tokens(response.path("usageMetadata")));
    }

    /** Why Gemini stopped, in neutral terms; a turn that called functions stopped for tool use. */
    static Reply.StopReason stop(String finishReason, boolean calledTools) {
        return switch (finishReason) {
            case "MAX_TOKENS" -> Reply.StopReason.MAX_TOKENS;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" ->
                    Reply.StopReason.REFUSAL;
            default -> calledTools ? Reply.StopReason.TOOL_USE : Reply.StopReason.END_TURN;
        };
    }

    /** Gemini's finish reason for a neutral one. */
    static String finishReason(Reply.StopReason stop) {
        return switch (stop) {
            case END_TURN, STOP_SEQUENCE, TOOL_USE -> "STOP";
            case MAX_TOKENS -> "MAX_TOKENS";
            case REFUSAL -> "SAFETY";
        };
    }

    /** {@code usageMetadata} as a client sees counts: thinking is output. */
    static Reply.Tokens tokens(JsonNode usage) {
        GeminiWire.Usage u = usage(usage);
        return new Reply.Tokens(u.prompt() + u.toolUsePrompt(), u.candidates() + u.thoughts(), u.cached(), 0);
    }

    static GeminiWire.Usage usage(JsonNode usage) {
        return new GeminiWire.Usage(usage.path("promptTokenCount").asLong(0), usage.path("candidatesTokenCount").asLong(0),
                usage.path("thoughtsTokenCount").asLong(0), usage.path("cachedContentTokenCount").asLong(0),
                usage.path("toolUsePromptTokenCount").asLong(0));
    }

    /** Neutral counts as {@code usageMetadata}. */
    static ObjectNode usageMetadata(Reply.Tokens tokens) {
        ObjectNode usage = Json.object().put("promptTokenCount", tokens.prompt())
                .put("candidatesTokenCount", tokens.output()).put("totalTokenCount", tokens.prompt() + tokens.output());
        if (tokens.cacheRead() > 0) {
            usage.put("cachedContentTokenCount", tokens.cacheRead());
        }
        return usage;
    }

    @Override
    public ObjectNode replyFromNeutral(Reply reply, long epochSecond) {
        ObjectNode out = Json.object();
        ObjectNode candidate = out.putArray("candidates").addObject();
        ArrayNode parts = candidate.putObject("content").put("role", GeminiWire.MODEL_ROLE).putArray("parts");
        for (Part part : reply.content()) {
            switch (part) {
                case Part.Text text -> parts.addObject().put("text", text.text());
                case Part.Thinking thinking -> parts.addObject().put("text", thinking.text()).put("thought", true);
                case Part.ToolUse use -> parts.addObject().putObject("functionCall").put("id", use.id())
                        .put("name", use.name()).set("args", use.input());
                case Part.RedactedThinking redacted -> {
                }
                case Part.Image image -> {
                }
                case Part.Pdf pdf -> {
                }
                case Part.ToolResult result -> {
                }
                case Part.Opaque opaque -> {
                }
            }
        }
        if (parts.isEmpty()) {
            parts.addObject().put("text", "");
        }
        candidate.put("finishReason", finishReason(reply.stop())).put("index", 0);
        out.set("usageMetadata", usageMetadata(reply.tokens()));
        out.put("modelVersion", reply.model()).put("responseId", reply.id());
        return out;
    }

    @Override
    public StreamDecoder decoder() {
        return new GeminiStream.Decoder();
    }

    @Override
    public StreamEncoder encoder(boolean includeUsage, long epochSecond) {
        return new GeminiStream.Encoder();
    }

    @Override
    public StreamTranslator passThrough(boolean includeUsage) {
        return new GeminiStream.PassThrough();
    }
}
