package dev.gapwise.gateway.dialect.neutral;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The gateway's one JSON mapper (immutable, thread-safe) and the few calls made on it everywhere. */
public final class Json {
    /** Shared mapper; Jackson 3 mappers are immutable. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    public static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    /**
     * The text of a content field every dialect writes the same two ways: a string, or an array of parts whose
     * {@code text} fields are joined by newlines (other parts add nothing).
     */
    public static String text(JsonNode content) {
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

    /** Parses bytes, or returns null when they are not JSON. */
    public static JsonNode parseOrNull(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
