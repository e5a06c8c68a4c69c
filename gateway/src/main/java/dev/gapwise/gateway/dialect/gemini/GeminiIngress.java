package dev.gapwise.gateway.dialect.gemini;

import dev.gapwise.gateway.dialect.ApiError;
import dev.gapwise.gateway.dialect.DialectIngress;
import dev.gapwise.gateway.dialect.IngressRequest;
import dev.gapwise.gateway.dialect.RequestChecks;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.openai.OpenAiIngress;
import org.eclipse.jetty.http.HttpFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1beta/models/{model}:generateContent} and {@code :streamGenerateContent} (and the same under
 * {@code /v1/models/}): the model and the action come from the path and are copied into the body as {@code model}
 * and {@code stream}; {@code contents} must be a non-empty array of turns whose role is {@code user} or {@code
 * model}, each with a non-empty {@code parts} array of objects carrying one kind of data, every {@code inlineData}
 * with its {@code mimeType} and base64 {@code data}. Errors as Google writes them, {@code
 * {"error":{"code","message","status","details"}}} (an {@code ErrorInfo} detail whose {@code reason} is the
 * gateway's code, e.g. {@code stream_cut}), the same object as a stream's error event. Stateless.
 */
public final class GeminiIngress implements DialectIngress {
    private static final DialectIngress OPENAI_HEADERS = new OpenAiIngress();
    private static final Set<String> DATA = Set.of("text", "inlineData", "fileData", "functionCall", "functionResponse",
            "executableCode", "codeExecutionResult");

    @Override
    public String path() {
        return GeminiWire.V1BETA_MODELS + "*";
    }

    @Override
    public List<String> paths() {
        return List.of(GeminiWire.V1BETA_MODELS + "*", GeminiWire.V1_MODELS + "*");
    }

    @Override
    public String endpoint() {
        return "generate_content";
    }

    @Override
    public boolean claims(String path, HttpFields headers) {
        return path.startsWith("/v1beta/") || GeminiWire.Call.of(path).isPresent()
                || headers.contains(GeminiWire.API_KEY_HEADER);
    }

    @Override
    public Parsed parse(ObjectNode body, String path) {
        Optional<GeminiWire.Call> call = GeminiWire.Call.of(path);
        if (call.isEmpty()) {
            return new Parsed.Bad("the path names no model and action: POST " + GeminiWire.V1BETA_MODELS
                    + "{model}:" + GeminiWire.GENERATE + " or :" + GeminiWire.STREAM);
        }
        String model = call.get().model().startsWith("models/") ? call.get().model().substring("models/".length())
                : call.get().model();
        ObjectNode copy = body.deepCopy();
        copy.put("model", model);
        copy.put("stream", call.get().stream());
        return parse(copy);
    }

    @Override
    public Parsed parse(ObjectNode object) {
        Optional<String> bad = RequestChecks.model(object.path("model")).or(() -> contents(object.path("contents")))
                .or(() -> system(object.path("systemInstruction"))).or(() -> config(object.path("generationConfig")))
                .or(() -> tools(object.path("tools")));
        if (bad.isPresent()) {
            return new Parsed.Bad(bad.get());
        }
        return new Parsed.Ok(new IngressRequest(object, object.path("model").stringValue().strip(),
                object.path("stream").asBoolean(false), false, GeminiMapping.functions(object).iterator().hasNext()));
    }

    private static Optional<String> contents(JsonNode contents) {
        if (!contents.isArray() || contents.isEmpty()) {
            return Optional.of("'contents' is required and must be a non-empty array of turns");
        }
        for (int i = 0; i < contents.size(); i++) {
            JsonNode turn = contents.get(i);
            String at = "contents[" + i + "]";
            if (!turn.isObject()) {
                return Optional.of("'" + at + "' must be an object with 'role' and 'parts'");
            }
            JsonNode role = turn.path("role");
            if (RequestChecks.present(role) && !(role.isString()
                    && (role.stringValue().equals("user") || role.stringValue().equals(GeminiWire.MODEL_ROLE)))) {
                return Optional.of("'" + at + ".role' must be one of model, user");
            }
            Optional<String> parts = parts(turn.path("parts"), at + ".parts");
            if (parts.isPresent()) {
                return parts;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> parts(JsonNode parts, String at) {
        if (!parts.isArray() || parts.isEmpty()) {
            return Optional.of("'" + at + "' must be a non-empty array of parts");
        }
        for (int j = 0; j < parts.size(); j++) {
            JsonNode part = parts.get(j);
            String where = at + "[" + j + "]";
            if (!part.isObject()) {
                return Optional.of("'" + where + "' must be an object such as {\"text\": \"…\"}");
            }
            long kinds = part.propertyNames().stream().filter(DATA::contains).count();
            if (kinds != 1) {
                return Optional.of("'" + where + "' must carry exactly one of " + new java.util.TreeSet<>(DATA)
                        + " (it has " + kinds + ")");
            }
            if (part.has("text") && !part.path("text").isString()) {
                return Optional.of("'" + where + ".text' must be a string");
            }
            if (part.has("inlineData")) {
                JsonNode data = part.path("inlineData");
                if (!data.path("mimeType").isString() || data.path("mimeType").stringValue().isBlank()) {
                    return Optional.of("'" + where + ".inlineData.mimeType' is required, e.g. image/png");
                }
                if (!data.path("data").isString() || !base64(data.path("data").stringValue())) {
                    return Optional.of("'" + where + ".inlineData.data' must be the bytes in base64");
                }
            }
            if (part.has("fileData") && !part.path("fileData").path("fileUri").isString()) {
                return Optional.of("'" + where + ".fileData.fileUri' is required");
            }
            if (part.has("functionCall") && !part.path("functionCall").path("name").isString()) {
                return Optional.of("'" + where + ".functionCall.name' is required");
            }
            if (part.has("functionResponse") && (!part.path("functionResponse").path("name").isString()
                    || !part.path("functionResponse").path("response").isObject())) {
                return Optional.of("'" + where + ".functionResponse' needs a 'name' and a 'response' object");
            }
        }
        return Optional.empty();
    }

    private static boolean base64(String data) {
        try {
            java.util.Base64.getDecoder().decode(data);
            return !data.isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> system(JsonNode system) {
        if (!RequestChecks.present(system)) {
            return Optional.empty();
        }
        if (!system.isObject()) {
            return Optional.of("'systemInstruction' must be an object with 'parts'");
        }
        return parts(system.path("parts"), "systemInstruction.parts");
    }

    private static Optional<String> config(JsonNode config) {
        if (!RequestChecks.present(config)) {
            return Optional.empty();
        }
        if (!config.isObject()) {
            return Optional.of("'generationConfig' must be an object");
        }
        for (String field : new String[] {"temperature", "topP"}) {
            JsonNode value = config.path(field);
            if (RequestChecks.present(value) && !(value.isNumber() && Double.isFinite(value.doubleValue()))) {
                return Optional.of("'generationConfig." + field + "' must be a number");
            }
        }
        for (String field : new String[] {"maxOutputTokens", "topK", "candidateCount"}) {
            JsonNode value = config.path(field);
            if (RequestChecks.present(value) && !RequestChecks.positiveInt(value)) {
                return Optional.of("'generationConfig." + field + "' must be a whole number from 1 to "
                        + Integer.MAX_VALUE);
            }
        }
        JsonNode count = config.path("candidateCount");
        if (RequestChecks.present(count) && count.intValue() != 1) {
            return Optional.of("'generationConfig.candidateCount' must be 1: the gateway returns one candidate");
        }
        JsonNode stops = config.path("stopSequences");
        if (RequestChecks.present(stops) && !stops.isArray()) {
            return Optional.of("'generationConfig.stopSequences' must be an array of strings");
        }
        return Optional.empty();
    }

    private static Optional<String> tools(JsonNode tools) {
        if (!RequestChecks.present(tools)) {
            return Optional.empty();
        }
        if (!tools.isArray()) {
            return Optional.of("'tools' must be an array");
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode declarations = tools.get(i).path("functionDeclarations");
            if (RequestChecks.present(declarations)) {
                if (!declarations.isArray()) {
                    return Optional.of("'tools[" + i + "].functionDeclarations' must be an array");
                }
                for (int j = 0; j < declarations.size(); j++) {
                    if (!declarations.get(j).path("name").isString()) {
                        return Optional.of("'tools[" + i + "].functionDeclarations[" + j + "].name' is required");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code GET /v1beta/models}: each model as {@code models/{id}} that generates content and streams. */
    @Override
    public ObjectNode modelList(java.util.SequencedMap<String, String> owners) {
        ObjectNode list = Json.object();
        tools.jackson.databind.node.ArrayNode models = list.putArray("models");
        owners.forEach((id, owner) -> {
            ObjectNode model = models.addObject().put("name", "models/" + id).put("baseModelId", id)
                    .put("version", owner).put("displayName", id);
            model.putArray("supportedGenerationMethods").add(GeminiWire.GENERATE).add(GeminiWire.STREAM);
        });
        return list;
    }

    /** The turns as {@code messages} with text and image blocks, and the output limit as {@code max_tokens}. */
    @Override
    public ObjectNode routingView(ObjectNode body) {
        ObjectNode view = Json.object();
        tools.jackson.databind.node.ArrayNode messages = view.putArray("messages");
        for (JsonNode turn : body.path("contents")) {
            tools.jackson.databind.node.ArrayNode content = messages.addObject()
                    .put("role", GeminiWire.MODEL_ROLE.equals(turn.path("role").asString("user")) ? "assistant" : "user")
                    .putArray("content");
            for (JsonNode part : turn.path("parts")) {
                if (part.path("text").isString() && !part.path("thought").asBoolean(false)) {
                    content.addObject().put("type", "text").put("text", part.path("text").stringValue());
                } else if (part.path("inlineData").path("mimeType").asString("").startsWith("image/")
                        || part.path("fileData").path("mimeType").asString("").startsWith("image/")) {
                    content.addObject().put("type", "image");
                }
            }
        }
        JsonNode max = body.path("generationConfig").path("maxOutputTokens");
        if (max.isIntegralNumber()) {
            view.put("max_tokens", max.longValue());
        }
        return view;
    }

    @Override
    public String systemText(ObjectNode body) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : body.path("systemInstruction").path("parts")) {
            if (part.path("text").isString()) {
                text.append(text.isEmpty() ? "" : "\n").append(part.path("text").stringValue());
            }
        }
        return text.toString();
    }

    @Override
    public ObjectNode errorBody(ApiError error) {
        ObjectNode body = Json.object();
        ObjectNode inner = body.putObject("error").put("code", error.status()).put("message", error.message())
                .put("status", status(error.status()));
        ObjectNode info = inner.putArray("details").addObject().put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
                .put("reason", error.openAiCode().orElse(error.openAiType())).put("domain", "gapwise");
        error.fields().ifPresent(fields -> info.set("metadata", fields));
        return body;
    }

    /** The canonical Google status name of an HTTP status. */
    static String status(int http) {
        return switch (http) {
            case 400, 405, 413, 415 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 408, 504 -> "DEADLINE_EXCEEDED";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 499 -> "CANCELLED";
            case 501 -> "UNIMPLEMENTED";
            case 502, 503, 529 -> "UNAVAILABLE";
            default -> http >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }

    @Override
    public SseEvent errorEvent(ApiError error) {
        return SseEvent.of(null, errorBody(error));
    }

    @Override
    public void rateLimitHeaders(String what, long limit, long remaining, Duration reset, Instant now,
                                 HttpFields.Mutable headers) {
        // the Gemini API sends none of its own: the OpenAI names, which most client libraries read
        OPENAI_HEADERS.rateLimitHeaders(what, limit, remaining, reset, now, headers);
    }
}
