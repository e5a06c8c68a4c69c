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

    /**
     * A new object with the same top-level fields whose values are shared, not copied: for a request aimed at one
     * upstream (its model set, a field removed), where a deep copy would duplicate the whole prompt per attempt.
     * Replace a nested value in the copy, never change it in place.
     */
    public static ObjectNode shallowCopy(ObjectNode node) {
        ObjectNode copy = node.objectNode();
        copy.setAll(node);
        return copy;
    }

    /**
     * Parses a JSON object keeping only the top-level {@code fields} named (each as a tree); every other value is
     * skipped by the tokenizer, never built. Null when the bytes are not one JSON object, as {@link #parseOrNull}
     * would find (trailing content included).
     */
    public static ObjectNode parseFields(byte[] body, java.util.Set<String> fields) {
        try (tools.jackson.core.JsonParser parser = MAPPER.createParser(body)) {
            if (parser.nextToken() != tools.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            ObjectNode kept = object();
            for (tools.jackson.core.JsonToken token = parser.nextToken();
                 token == tools.jackson.core.JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                if (fields.contains(name)) {
                    kept.set(name, (JsonNode) parser.readValueAsTree());
                } else {
                    parser.skipChildren();
                }
            }
            return parser.nextToken() == null ? kept : null;
        } catch (JacksonException e) {
            return null;
        }
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
