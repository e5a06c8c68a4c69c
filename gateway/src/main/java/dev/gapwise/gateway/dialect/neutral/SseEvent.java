package dev.gapwise.gateway.dialect.neutral;

import tools.jackson.databind.JsonNode;

/**
 * One server-sent event.
 *
 * @param name the {@code event:} field, or null when absent (OpenAI sends none)
 * @param data the {@code data:} field (lines joined by newlines)
 * @param json the data parsed as JSON, or null when it is not JSON (OpenAI's {@code [DONE]})
 */
public record SseEvent(String name, String data, JsonNode json) {
    /** An event whose data is parsed here; non-JSON data leaves {@code json} null. */
    public static SseEvent parse(String name, String data) {
        JsonNode json = null;
        if (!data.isEmpty() && (data.charAt(0) == '{' || data.charAt(0) == '[')) {
            try {
                json = Json.MAPPER.readTree(data);
            } catch (tools.jackson.core.JacksonException e) {
                json = null;
            }
        }
        return new SseEvent(name, data, json);
    }

    /** An event built by the gateway (translation, errors). */
    public static SseEvent of(String name, JsonNode json) {
        return new SseEvent(name, Json.write(json), json);
    }

    /** The wire form, {@code event:} line included when named. */
    public byte[] bytes() {
        String text = name == null ? "data: " + data + "\n\n" : "event: " + name + "\ndata: " + data + "\n\n";
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
