package dev.gapwise.gateway.score;

import tools.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.Optional;

/**
 * What the request asked of the answer's form, which decides the cheap checks: JSON (and which schema) for
 * structured output, tools for tool calls, and the prompt text the judge is shown. Immutable.
 *
 * @param json   the request asked for a JSON answer ({@code response_format} json_object or json_schema)
 * @param schema the JSON schema it gave, when it gave one
 * @param tools  the request declared tools
 * @param prompt the last user turn's text, for the judge
 */
public record Expectation(boolean json, Optional<JsonNode> schema, boolean tools, String prompt) {
    public Expectation {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(prompt, "prompt");
    }

    /** Free text, no tools. */
    public static Expectation freeText(String prompt) {
        return new Expectation(false, Optional.empty(), false, prompt);
    }

    /**
     * Reads an OpenAI or Anthropic request body: {@code response_format} (OpenAI), {@code tools} (both), and the last
     * user message's text.
     */
    public static Expectation of(JsonNode body) {
        JsonNode format = body.path("response_format");
        String type = format.path("type").asString("");
        boolean json = type.equals("json_object") || type.equals("json_schema");
        Optional<JsonNode> schema = type.equals("json_schema") && format.path("json_schema").path("schema").isObject()
                ? Optional.of(format.path("json_schema").path("schema")) : Optional.empty();
        boolean tools = body.path("tools").isArray() && !body.path("tools").isEmpty();
        return new Expectation(json, schema, tools, lastUserText(body));
    }

    private static String lastUserText(JsonNode body) {
        JsonNode messages = body.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asString(""))) {
                JsonNode content = message.path("content");
                if (content.isString()) {
                    return content.asString();
                }
                StringBuilder text = new StringBuilder();
                for (JsonNode part : content) {
                    text.append(part.path("text").asString(""));
                }
                return text.toString();
            }
        }
        return "";
    }
}
