package dev.gapwise.gateway.dialect.anthropic;

import dev.gapwise.gateway.dialect.ApiError;
import dev.gapwise.gateway.dialect.DialectIngress;
import dev.gapwise.gateway.dialect.IngressRequest;
import dev.gapwise.gateway.dialect.RequestChecks;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.neutral.Untranslatable;
import dev.gapwise.gateway.dialect.openai.OpenAiIngress;
import org.eclipse.jetty.http.HttpFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * {@code POST /v1/messages}: {@code max_tokens} required, a non-empty {@code messages} array of user and assistant
 * turns, each with a string or block array content, and every image block with a usable {@code source} (Anthropic
 * would refuse it anyway; refusing here names it and saves a call). Errors as {@code
 * {"type":"error","error":{"type","message"}}}, in a stream as a named {@code error} event; rate limits also as
 * {@code anthropic-ratelimit-*}. Stateless.
 */
final class AnthropicIngress implements DialectIngress {
    @Override
    public String path() {
        return "/v1/messages";
    }

    @Override
    public Optional<String> countTokensPath() {
        return Optional.of("/v1/messages/count_tokens");
    }

    @Override
    public String endpoint() {
        return "messages";
    }

    @Override
    public boolean claims(String path, HttpFields headers) {
        return path.startsWith("/v1/messages") || headers.contains("anthropic-version");
    }

    /** Claude Code and the SDKs send beta flags and the API version; an Anthropic upstream needs both as sent. */
    @Override
    public List<String> forwardedHeaders() {
        return List.of("anthropic-beta", "anthropic-version");
    }

    /** A count request is a messages request without {@code max_tokens} (and nothing to stream). */
    @Override
    public Parsed parseCount(ObjectNode object) {
        Optional<String> bad = RequestChecks.model(object.path("model")).or(() -> messages(object.path("messages")))
                .or(() -> RequestChecks.options(object));
        if (bad.isPresent()) {
            return new Parsed.Bad(bad.get());
        }
        JsonNode tools = object.path("tools");
        return new Parsed.Ok(new IngressRequest(object, object.path("model").stringValue().strip(), false, false,
                tools.isArray() && !tools.isEmpty()));
    }

    @Override
    public Parsed parse(ObjectNode object) {
        Optional<String> bad = RequestChecks.model(object.path("model")).or(() -> messages(object.path("messages")))
                .or(() -> RequestChecks.options(object));
        if (bad.isEmpty() && !RequestChecks.positiveInt(object.path("max_tokens"))) {
            bad = Optional.of("'max_tokens' is required and must be a whole number from 1 to " + Integer.MAX_VALUE);
        }
        if (bad.isPresent()) {
            return new Parsed.Bad(bad.get());
        }
        JsonNode tools = object.path("tools");
        return new Parsed.Ok(new IngressRequest(object, object.path("model").stringValue().strip(),
                object.path("stream").asBoolean(false), false, tools.isArray() && !tools.isEmpty()));
    }

    private static Optional<String> messages(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            return Optional.of("'messages' is required and must be a non-empty array");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asString("");
            if (!message.isObject() || !(role.equals("user") || role.equals("assistant"))) {
                return Optional.of("'messages[" + i + "].role' must be one of assistant, user");
            }
            JsonNode content = message.path("content");
            if (!content.isString() && !content.isArray()) {
                return Optional.of("'messages[" + i + "].content' must be a string or an array of content parts");
            }
            Optional<String> blocks = blocks(content, "messages[" + i + "].content");
            if (blocks.isPresent()) {
                return blocks;
            }
        }
        return Optional.empty();
    }

    /** Every block an object with a type, every image (also inside tool results) with a usable source. */
    private static Optional<String> blocks(JsonNode content, String where) {
        if (!content.isArray()) {
            return Optional.empty();
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            String at = where + "[" + j + "]";
            if (!block.isObject() || !block.path("type").isString()) {
                return Optional.of("'" + at + "' must be a content block: an object with a 'type'");
            }
            switch (block.path("type").stringValue()) {
                case "image" -> {
                    try {
                        AnthropicMapping.source(block.path("source"), at);
                    } catch (Untranslatable e) {
                        return Optional.of("'" + e.getMessage().replaceFirst(": ", "': "));
                    }
                }
                case "tool_result" -> {
                    JsonNode result = block.path("content");
                    if (!(result.isMissingNode() || result.isString() || result.isArray())) {
                        return Optional.of("'" + at + ".content' must be a string or an array of content blocks");
                    }
                    Optional<String> inner = blocks(block.path("content"), at + ".content");
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public ObjectNode modelList(SequencedMap<String, String> owners) {
        ObjectNode list = Json.object();
        ArrayNode data = list.putArray("data");
        owners.forEach((id, owner) -> data.addObject().put("type", "model").put("id", id).put("display_name", id)
                .put("created_at", "1970-01-01T00:00:00Z"));
        list.put("has_more", false);
        if (!owners.isEmpty()) {
            list.put("first_id", owners.firstEntry().getKey());
            list.put("last_id", owners.lastEntry().getKey());
        }
        return list;
    }

    @Override
    public String systemText(ObjectNode body) {
        return Json.text(body.path("system"));
    }

    @Override
    public ObjectNode errorBody(ApiError error) {
        ObjectNode body = Json.object().put("type", "error");
        ObjectNode inner = body.putObject("error").put("type", error.anthropicType()).put("message", error.message());
        error.fields().ifPresent(inner::setAll);
        return body;
    }

    @Override
    public SseEvent errorEvent(ApiError error) {
        return SseEvent.of(AnthropicWire.ERROR, errorBody(error));
    }

    @Override
    public void rateLimitHeaders(String what, long limit, long remaining, Duration reset, Instant now,
                                 HttpFields.Mutable headers) {
        headers.put("x-ratelimit-limit-" + what, Long.toString(limit));
        headers.put("x-ratelimit-remaining-" + what, Long.toString(remaining));
        headers.put("x-ratelimit-reset-" + what, OpenAiIngress.duration(reset));
        headers.put("anthropic-ratelimit-" + what + "-limit", Long.toString(limit));
        headers.put("anthropic-ratelimit-" + what + "-remaining", Long.toString(remaining));
        headers.put("anthropic-ratelimit-" + what + "-reset", now.plus(reset).truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
