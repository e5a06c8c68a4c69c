package dev.gapwise.gateway.score;

import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;

/**
 * Checks a JSON value against the part of JSON Schema that structured-output requests use: {@code type} (one or
 * a list), {@code properties}, {@code required}, {@code additionalProperties: false}, {@code items} and {@code enum},
 * recursively. Other keywords are not checked (a value they would reject passes): this is a cheap check before
 * similarity, not a full validator. Stateless.
 */
final class SchemaCheck {
    private SchemaCheck() {
    }

    /** The first violation, e.g. "/address/zip: is missing", or empty when the value fits. */
    static Optional<String> violation(JsonNode schema, JsonNode value) {
        return check(schema, value, "");
    }

    private static Optional<String> check(JsonNode schema, JsonNode value, String path) {
        String at = path.isEmpty() ? "/" : path;
        JsonNode type = schema.path("type");
        if (type.isString() && !fits(type.asString(), value)) {
            return Optional.of(at + ": is " + kind(value) + ", the schema wants " + type.asString());
        }
        if (type.isArray()) {
            boolean any = false;
            for (JsonNode one : type) {
                any |= fits(one.asString(""), value);
            }
            if (!any) {
                return Optional.of(at + ": is " + kind(value) + ", the schema wants one of " + type);
            }
        }
        if (schema.path("enum").isArray()) {
            boolean listed = false;
            for (JsonNode option : schema.path("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                return Optional.of(at + ": " + value + " is not one of " + schema.path("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asString(""))) {
                    return Optional.of(path + "/" + name.asString("") + ": is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode sub = properties.path(field.getKey());
                if (sub.isObject()) {
                    Optional<String> bad = check(sub, field.getValue(), path + "/" + field.getKey());
                    if (bad.isPresent()) {
                        return bad;
                    }
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.path("additionalProperties").asBoolean()) {
                    return Optional.of(path + "/" + field.getKey() + ": is not allowed (additionalProperties: false)");
                }
            }
        }
        if (value.isArray() && schema.path("items").isObject()) {
            for (int i = 0; i < value.size(); i++) {
                Optional<String> bad = check(schema.path("items"), value.get(i), path + "/" + i);
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean fits(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static String kind(JsonNode value) {
        return value.isObject() ? "an object" : value.isArray() ? "an array" : value.isString() ? "a string"
                : value.isNumber() ? "a number" : value.isBoolean() ? "a boolean" : "null";
    }
}
