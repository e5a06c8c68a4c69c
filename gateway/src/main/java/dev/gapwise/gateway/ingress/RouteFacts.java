package dev.gapwise.gateway.ingress;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The parts of a validated chat body that routing reads, in either dialect: the last user message's text,
 * the system prompt, the number of user turns, string metadata and the output cap. Pure functions.
 */
final class RouteFacts {
    private RouteFacts() {
    }

    /** The last user message's text (text parts joined), or "". */
    static String userText(ObjectNode body) {
        JsonNode messages = body.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asString(""))) {
                return text(message.path("content"));
            }
        }
        return "";
    }

    /** The user turns before the last one, oldest first, joined by blank lines ("" when there is one turn). */
    static String earlierUserText(ObjectNode body) {
        JsonNode messages = body.path("messages");
        int last = -1;
        for (int i = messages.size() - 1; i >= 0 && last < 0; i--) {
            if ("user".equals(messages.get(i).path("role").asString(""))) {
                last = i;
            }
        }
        StringBuilder earlier = new StringBuilder();
        for (int i = 0; i < last; i++) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asString(""))) {
                if (!earlier.isEmpty()) {
                    earlier.append("\n\n");
                }
                earlier.append(text(message.path("content")));
            }
        }
        return earlier.toString();
    }

    /** Whether any message carries an image (OpenAI {@code image_url}, Anthropic {@code image}). */
    static boolean hasMedia(ObjectNode body) {
        for (JsonNode message : body.path("messages")) {
            JsonNode content = message.path("content");
            if (content.isArray()) {
                for (JsonNode part : content) {
                    String type = part.path("type").asString("");
                    if (type.equals("image_url") || type.equals("image") || type.equals("input_image")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** How many user turns the conversation holds. */
    static int userTurns(ObjectNode body) {
        int turns = 0;
        for (JsonNode message : body.path("messages")) {
            if ("user".equals(message.path("role").asString(""))) {
                turns++;
            }
        }
        return Math.max(turns, 1);
    }

    /** String-valued entries of the body's {@code metadata} object. */
    static Map<String, String> metadata(ObjectNode body) {
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode node = body.path("metadata");
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (entry.getValue().isString()) {
                    metadata.put(entry.getKey(), entry.getValue().stringValue());
                }
            }
        }
        return metadata;
    }

    /** The output cap the client set ({@code max_tokens} or {@code max_completion_tokens}). */
    static OptionalLong maxOutputTokens(ObjectNode body) {
        for (String field : new String[] {"max_completion_tokens", "max_tokens"}) {
            JsonNode value = body.path(field);
            if (value.isIntegralNumber() && value.asLong() > 0) {
                return OptionalLong.of(value.asLong());
            }
        }
        return OptionalLong.empty();
    }

    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode part : content) {
                if (part.path("type").asString("").equals("text") && part.path("text").isString()) {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    text.append(part.path("text").stringValue());
                }
            }
        }
        return text.toString();
    }
}
