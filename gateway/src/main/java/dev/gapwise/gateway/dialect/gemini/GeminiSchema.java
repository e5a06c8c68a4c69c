package dev.gapwise.gateway.dialect.gemini;

import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * Gemini's {@code Schema} (an OpenAPI 3.0 subset: upper-case {@code type} names, {@code nullable}) as JSON Schema,
 * for {@code responseSchema} and function {@code parameters} going to another dialect. Stateless.
 */
final class GeminiSchema {
    private GeminiSchema() {
    }

    static JsonNode toJsonSchema(JsonNode schema) {
        if (schema.isArray()) {
            ArrayNode items = Json.MAPPER.createArrayNode();
            schema.forEach(item -> items.add(toJsonSchema(item)));
            return items;
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode out = Json.object();
        boolean nullable = schema.path("nullable").asBoolean(false);
        schema.properties().forEach(field -> {
            switch (field.getKey()) {
                case "type" -> {
                    String type = field.getValue().asString("").toLowerCase(Locale.ROOT);
                    if (nullable) {
                        out.putArray("type").add(type).add("null");
                    } else {
                        out.put("type", type);
                    }
                }
                case "nullable", "propertyOrdering" -> {
                }
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    field.getValue().properties().forEach(p -> properties.set(p.getKey(), toJsonSchema(p.getValue())));
                }
                case "items", "anyOf" -> out.set(field.getKey(), toJsonSchema(field.getValue()));
                default -> out.set(field.getKey(), field.getValue());
            }
        });
        return out;
    }
}
