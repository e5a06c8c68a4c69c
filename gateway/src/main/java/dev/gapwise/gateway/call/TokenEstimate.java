package dev.gapwise.gateway.call;

import tools.jackson.databind.JsonNode;

/**
 * The text a token estimate is made from: every string value of a request's {@code system}, {@code messages} and
 * {@code tools}, except those that are structure rather than text ({@code type}, {@code role}, ids, media types,
 * signatures) and inline base64 data (an image is not four characters a token); keys, numbers and the rest of the
 * JSON syntax do not count. Pure.
 */
final class TokenEstimate {
    private static final java.util.Set<String> STRUCTURE = java.util.Set.of("type", "role", "id", "tool_use_id",
            "media_type", "signature", "data", "cache_control");

    private TokenEstimate() {
    }

    static long characters(JsonNode request) {
        return strings(request.path("system")) + strings(request.path("messages")) + strings(request.path("tools"));
    }

    private static long strings(JsonNode node) {
        if (node.isString()) {
            return node.stringValue().length();
        }
        long total = 0;
        if (node.isObject()) {
            if (node.path("type").asString("").equals("base64")) {
                return 0;
            }
            for (var field : node.properties()) {
                if (!STRUCTURE.contains(field.getKey())) {
                    total += strings(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                total += strings(item);
            }
        }
        return total;
    }
}
