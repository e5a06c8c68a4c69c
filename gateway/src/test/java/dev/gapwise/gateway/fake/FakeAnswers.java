package dev.gapwise.gateway.fake;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The fake upstream's bodies and stream events in both dialects, for one request. */
final class FakeAnswers {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One wire event; {@code content} marks text or tool-argument deltas (where cuts happen). */
    record Event(String wire, boolean content) {
    }

    private final JsonNode request;
    private final Behaviour behaviour;
    private final boolean anthropic;
    private final String model;
    private final String tool;
    private final String text;
    /** Anthropic extended thinking was asked for: the answer starts with a signed thinking block. */
    private final boolean thinking;

    private final String credential;

    FakeAnswers(JsonNode request, Behaviour behaviour, boolean anthropic, String credential) {
        this.credential = credential == null ? "" : credential;
        this.request = request;
        this.behaviour = behaviour;
        this.anthropic = anthropic;
        this.model = request.path("model").asString("fake");
        JsonNode tools = request.path("tools");
        String toolName = null;
        if (tools.isArray() && !tools.isEmpty() && !lastIsToolResult()) {
            toolName = anthropic ? tools.get(0).path("name").asString() : tools.get(0).path("function").path("name").asString();
        }
        this.tool = toolName;
        this.text = lastIsToolResult() ? "The tool said: " + toolResult() : behaviour.text();
        this.thinking = anthropic && request.path("thinking").path("type").asString("").equals("enabled");
    }

    static final String THINKING = "Let me think about it.";
    static final String SIGNATURE = "sig-fake-EqQBCkgIARABGAIiQ";

    private boolean lastIsToolResult() {
        JsonNode messages = request.path("messages");
        JsonNode last = messages.path(messages.size() - 1);
        if (last.path("role").asString("").equals("tool")) {
            return true;
        }
        for (JsonNode block : last.path("content")) {
            if (block.path("type").asString("").equals("tool_result")) {
                return true;
            }
        }
        return false;
    }

    private String toolResult() {
        JsonNode messages = request.path("messages");
        JsonNode last = messages.path(messages.size() - 1);
        if (last.path("content").isString()) {
            return last.path("content").stringValue();
        }
        for (JsonNode block : last.path("content")) {
            if (block.path("type").asString("").equals("tool_result")) {
                JsonNode content = block.path("content");
                return content.isString() ? content.stringValue() : content.path(0).path("text").asString("");
            }
        }
        return "";
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

    String error() {
        ObjectNode body = JSON.createObjectNode();
        String message = errorMessage("fake upstream answered " + behaviour.status());
        if (anthropic) {
            body.put("type", "error").putObject("error").put("type", "api_error").put("message", message);
        } else {
            body.putObject("error").put("message", message).put("type", "server_error");
        }
        return body.toString();
    }

    /** The behaviour's error text with the credential filled in, or {@code fallback}. */
    String errorMessage(String fallback) {
        return behaviour.errorText() == null ? fallback : behaviour.errorText().replace(Behaviour.CREDENTIAL, credential);
    }

    /** An error event in the endpoint's dialect, for a stream that fails mid-way. */
    String errorEvent() {
        ObjectNode body = JSON.createObjectNode();
        if (anthropic) {
            body.put("type", "error").putObject("error").put("type", "api_error").put("message", errorMessage("overloaded"));
            return "event: error\ndata: " + body + "\n\n";
        }
        body.putObject("error").put("message", errorMessage("overloaded")).put("type", "server_error");
        return "data: " + body + "\n\n";
    }

    private long completion() {
        return behaviour.completionTokens() == Long.MIN_VALUE ? pieces().size() : behaviour.completionTokens();
    }

    String complete() {
        long completion = completion();
        long prompt = behaviour.promptTokens();
        if (anthropic) {
            ObjectNode body = JSON.createObjectNode().put("id", "msg_fake1").put("type", "message")
                    .put("role", "assistant").put("model", model);
            ArrayNode content = body.putArray("content");
            if (thinking) {
                content.addObject().put("type", "thinking").put("thinking", THINKING).put("signature", SIGNATURE);
            }
            if (tool != null) {
                content.addObject().put("type", "tool_use").put("id", "toolu_fake1").put("name", tool)
                        .putObject("input").put("location", "Paris");
            } else {
                content.addObject().put("type", "text").put("text", text);
            }
            body.put("stop_reason", tool != null ? "tool_use" : "end_turn").putNull("stop_sequence");
            if (!behaviour.omitUsage()) {
                anthropicCache(body.putObject("usage").put("input_tokens", prompt).put("output_tokens", completion));
            }
            return body.toString();
        }
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-fake1").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (tool != null) {
            message.putNull("content");
            message.putArray("tool_calls").addObject().put("id", "call_fake1").put("type", "function")
                    .putObject("function").put("name", tool).put("arguments", "{\"location\":\"Paris\"}");
        } else {
            message.put("content", text);
        }
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", tool != null ? "tool_calls" : "stop");
        if (!behaviour.omitUsage()) {
            openAiCache(body.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                    .put("total_tokens", prompt + completion));
        }
        return body.toString();
    }

    /** Cached tokens are part of OpenAI's prompt_tokens, reasoning part of completion_tokens: details only. */
    private void openAiCache(ObjectNode usage) {
        Behaviour.Cache cache = behaviour.cache();
        if (!cache.equals(Behaviour.Cache.NONE)) {
            usage.putObject("prompt_tokens_details").put("cached_tokens", cache.read());
            usage.putObject("completion_tokens_details").put("reasoning_tokens", cache.reasoning());
        }
    }

    /** Anthropic reports cache reads and writes beside input_tokens, writes split by lifetime. */
    private void anthropicCache(ObjectNode usage) {
        Behaviour.Cache cache = behaviour.cache();
        if (!cache.equals(Behaviour.Cache.NONE)) {
            usage.put("cache_read_input_tokens", cache.read())
                    .put("cache_creation_input_tokens", cache.write5m() + cache.write1h());
            usage.putObject("cache_creation").put("ephemeral_5m_input_tokens", cache.write5m())
                    .put("ephemeral_1h_input_tokens", cache.write1h());
        }
    }

    List<Event> stream() {
        return anthropic ? anthropicStream() : openAiStream();
    }

    private List<Event> openAiStream() {
        List<Event> events = new ArrayList<>();
        events.add(chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null, false));
        if (tool != null) {
            ObjectNode start = JSON.createObjectNode();
            start.putArray("tool_calls").addObject().put("index", 0).put("id", "call_fake1").put("type", "function")
                    .putObject("function").put("name", tool).put("arguments", "");
            events.add(chunk(start, null, false));
            for (String part : new String[] {"{\"location\":", "\"Paris\"}"}) {
                ObjectNode delta = JSON.createObjectNode();
                delta.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", part);
                events.add(chunk(delta, null, true));
            }
        } else {
            for (String piece : pieces()) {
                events.add(chunk(JSON.createObjectNode().put("content", piece), null, true));
            }
        }
        events.add(chunk(JSON.createObjectNode(), tool != null ? "tool_calls" : "stop", false));
        if (!behaviour.omitUsage() && request.path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode usage = base();
            usage.putArray("choices");
            openAiCache(usage.putObject("usage").put("prompt_tokens", behaviour.promptTokens())
                    .put("completion_tokens", completion()).put("total_tokens", behaviour.promptTokens() + completion()));
            events.add(new Event("data: " + usage + "\n\n", false));
        }
        events.add(new Event("data: [DONE]\n\n", false));
        return events;
    }

    private ObjectNode base() {
        return JSON.createObjectNode().put("id", "chatcmpl-fake1").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", model);
    }

    private Event chunk(ObjectNode delta, String finish, boolean content) {
        ObjectNode chunk = base();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return new Event("data: " + chunk + "\n\n", content);
    }

    private List<Event> anthropicStream() {
        List<Event> events = new ArrayList<>();
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message").put("id", "msg_fake1").put("type", "message")
                .put("role", "assistant").put("model", model);
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        ObjectNode startUsage = message.putObject("usage").put("input_tokens", behaviour.omitUsage() ? 0 : behaviour.promptTokens())
                .put("output_tokens", 1);
        if (!behaviour.omitUsage()) {
            anthropicCache(startUsage);
        }
        events.add(event("message_start", start, false));
        int index = 0;
        if (thinking) {
            ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
            blockStart.putObject("content_block").put("type", "thinking").put("thinking", "").put("signature", "");
            events.add(event("content_block_start", blockStart, false));
            ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "thinking_delta").put("thinking", THINKING);
            events.add(event("content_block_delta", delta, false));
            ObjectNode signature = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            signature.putObject("delta").put("type", "signature_delta").put("signature", SIGNATURE);
            events.add(event("content_block_delta", signature, false));
            events.add(event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0), false));
            index = 1;
        }
        if (tool != null) {
            ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", index);
            blockStart.putObject("content_block").put("type", "tool_use").put("id", "toolu_fake1").put("name", tool)
                    .putObject("input");
            events.add(event("content_block_start", blockStart, false));
            for (String part : new String[] {"{\"location\":", "\"Paris\"}"}) {
                ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
                delta.putObject("delta").put("type", "input_json_delta").put("partial_json", part);
                events.add(event("content_block_delta", delta, true));
            }
        } else {
            ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", index);
            blockStart.putObject("content_block").put("type", "text").put("text", "");
            events.add(event("content_block_start", blockStart, false));
            events.add(new Event("event: ping\ndata: {\"type\": \"ping\"}\n\n", false));
            for (String piece : pieces()) {
                ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
                delta.putObject("delta").put("type", "text_delta").put("text", piece);
                events.add(event("content_block_delta", delta, true));
            }
        }
        events.add(event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", index), false));
        ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", tool != null ? "tool_use" : "end_turn").putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", completion());
        events.add(event("message_delta", delta, false));
        events.add(event("message_stop", JSON.createObjectNode().put("type", "message_stop"), false));
        return events;
    }

    private static Event event(String name, JsonNode data, boolean content) {
        return new Event("event: " + name + "\ndata: " + data + "\n\n", content);
    }
}
