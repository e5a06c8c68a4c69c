package dev.gapwise.gateway.fake;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The fake upstream's Gemini answers ({@code :generateContent}, {@code :streamGenerateContent?alt=sse}): the
 * behaviour's text, or a {@code functionCall} of the first declared function with {@code {"location":"Paris"}} when
 * tools are declared and the last turn is not a function response (then "The tool said: …"); {@code usageMetadata}
 * with the behaviour's counts (cache reads as {@code cachedContentTokenCount}, reasoning as {@code
 * thoughtsTokenCount}); errors as {@code {"error":{"code","message","status"}}}.
 */
final class FakeGemini implements FakeReplies {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode request;
    private final Behaviour behaviour;
    private final String model;
    private final String credential;
    private final String tool;
    private final String text;

    FakeGemini(JsonNode request, Behaviour behaviour, String model, String credential) {
        this.request = request;
        this.behaviour = behaviour;
        this.model = model;
        this.credential = credential == null ? "" : credential;
        JsonNode last = request.path("contents").path(request.path("contents").size() - 1).path("parts");
        JsonNode response = null;
        for (JsonNode part : last) {
            if (part.has("functionResponse")) {
                response = part.path("functionResponse").path("response");
            }
        }
        JsonNode declarations = request.path("tools").path(0).path("functionDeclarations");
        this.tool = response == null && declarations.isArray() && !declarations.isEmpty()
                ? declarations.get(0).path("name").asString() : null;
        this.text = response != null ? "The tool said: " + (response.path("output").isString()
                ? response.path("output").stringValue() : response.toString()) : behaviour.text();
    }

    private String message(String fallback) {
        return behaviour.errorText() == null ? fallback : behaviour.errorText().replace(Behaviour.CREDENTIAL, credential);
    }

    @Override
    public String error() {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", behaviour.status())
                .put("message", message("fake upstream answered " + behaviour.status()))
                .put("status", behaviour.status() == 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE");
        return body.toString();
    }

    @Override
    public String errorEvent() {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", 503).put("message", message("overloaded")).put("status", "UNAVAILABLE");
        return "data: " + body + "\n\n";
    }

    private List<String> pieces() {
        List<String> pieces = new ArrayList<>();
        int n = Math.max(1, behaviour.chunks());
        int size = (text.length() + n - 1) / n;
        for (int i = 0; i < text.length(); i += size) {
            pieces.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return pieces;
    }

    private ObjectNode usage() {
        long completion = behaviour.completionTokens() == Long.MIN_VALUE ? pieces().size() : behaviour.completionTokens();
        Behaviour.Cache cache = behaviour.cache();
        ObjectNode usage = JSON.createObjectNode().put("promptTokenCount", behaviour.promptTokens())
                .put("candidatesTokenCount", completion - cache.reasoning())
                .put("totalTokenCount", behaviour.promptTokens() + completion);
        if (cache.read() > 0) {
            usage.put("cachedContentTokenCount", cache.read());
        }
        if (cache.reasoning() > 0) {
            usage.put("thoughtsTokenCount", cache.reasoning());
        }
        return usage;
    }

    private ObjectNode chunk(ArrayNode parts, String finish, boolean withUsage) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode candidate = body.putArray("candidates").addObject();
        candidate.putObject("content").put("role", "model").set("parts", parts);
        if (finish != null) {
            candidate.put("finishReason", finish);
        }
        candidate.put("index", 0);
        if (withUsage && !behaviour.omitUsage()) {
            body.set("usageMetadata", usage());
        }
        body.put("modelVersion", model).put("responseId", "fake-gemini-1");
        return body;
    }

    private ArrayNode call() {
        ArrayNode parts = JSON.createArrayNode();
        parts.addObject().putObject("functionCall").put("name", tool).putObject("args").put("location", "Paris");
        return parts;
    }

    @Override
    public String complete() {
        ArrayNode parts = tool != null ? call() : JSON.createArrayNode();
        if (tool == null) {
            parts.addObject().put("text", text);
        }
        return chunk(parts, "STOP", true).toString();
    }

    @Override
    public List<FakeAnswers.Event> stream() {
        List<FakeAnswers.Event> events = new ArrayList<>();
        if (tool != null) {
            events.add(new FakeAnswers.Event("data: " + chunk(call(), null, false) + "\n\n", true));
        } else {
            for (String piece : pieces()) {
                ArrayNode parts = JSON.createArrayNode();
                parts.addObject().put("text", piece);
                events.add(new FakeAnswers.Event("data: " + chunk(parts, null, false) + "\n\n", true));
            }
        }
        ArrayNode last = JSON.createArrayNode();
        last.addObject().put("text", "");
        events.add(new FakeAnswers.Event("data: " + chunk(last, "STOP", true) + "\n\n", false));
        return events;
    }
}
