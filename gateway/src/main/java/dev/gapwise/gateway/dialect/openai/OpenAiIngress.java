package dev.gapwise.gateway.dialect.openai;

import dev.gapwise.gateway.dialect.ApiError;
import dev.gapwise.gateway.dialect.DialectIngress;
import dev.gapwise.gateway.dialect.IngressRequest;
import dev.gapwise.gateway.dialect.RequestChecks;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import org.eclipse.jetty.http.HttpFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/chat/completions}: a non-empty {@code messages} array of known roles, each with a string or
 * array content (or none, for assistant tool calls); errors as {@code {"error":{"message","type","param","code"}}},
 * in a stream as a data-only event; rate limits as {@code x-ratelimit-*}. Stateless.
 */
public final class OpenAiIngress implements DialectIngress {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    @Override
    public String path() {
        return "/v1/chat/completions";
    }

    @Override
    public Optional<String> countTokensPath() {
        return Optional.empty();
    }

    @Override
    public String endpoint() {
        return "chat_completions";
    }

    @Override
    public boolean claims(String path, HttpFields headers) {
        return false;
    }

    @Override
    public List<String> forwardedHeaders() {
        return List.of();
    }

    @Override
    public Parsed parse(ObjectNode object) {
        Optional<String> bad = RequestChecks.model(object.path("model")).or(() -> messages(object.path("messages")))
                .or(() -> RequestChecks.options(object));
        if (bad.isPresent()) {
            return new Parsed.Bad(bad.get());
        }
        JsonNode tools = object.path("tools");
        return new Parsed.Ok(new IngressRequest(object, object.path("model").stringValue().strip(),
                object.path("stream").asBoolean(false), object.path("stream_options").path("include_usage").asBoolean(false),
                tools.isArray() && !tools.isEmpty()));
    }

    private static Optional<String> messages(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            return Optional.of("'messages' is required and must be a non-empty array");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!message.isObject() || !message.path("role").isString()
                    || !ROLES.contains(message.path("role").stringValue())) {
                return Optional.of("'messages[" + i + "].role' must be one of "
                        + String.join(", ", ROLES.stream().sorted().toList()));
            }
            JsonNode content = message.path("content");
            if (!(content.isString() || content.isArray() || content.isNull() || content.isMissingNode())) {
                return Optional.of("'messages[" + i + "].content' must be a string or an array of content parts");
            }
        }
        return Optional.empty();
    }

    @Override
    public String systemText(ObjectNode body) {
        StringBuilder system = new StringBuilder();
        for (JsonNode message : body.path("messages")) {
            String role = message.path("role").asString("");
            if (role.equals("system") || role.equals("developer")) {
                if (!system.isEmpty()) {
                    system.append('\n');
                }
                system.append(OpenAiMapping.text(message.path("content")));
            }
        }
        return system.toString();
    }

    @Override
    public ObjectNode errorBody(ApiError error) {
        return body(error);
    }

    /** The OpenAI error shape, shared with the other OpenAI-family endpoints. */
    public static ObjectNode body(ApiError error) {
        ObjectNode body = Json.object();
        ObjectNode inner = body.putObject("error").put("message", error.message()).put("type", error.openAiType());
        inner.putNull("param");
        error.openAiCode().ifPresentOrElse(code -> inner.put("code", code), () -> inner.putNull("code"));
        error.fields().ifPresent(inner::setAll);
        return body;
    }

    @Override
    public SseEvent errorEvent(ApiError error) {
        return SseEvent.of(null, body(error));
    }

    @Override
    public void rateLimitHeaders(String what, long limit, long remaining, Duration reset, Instant now,
                                 HttpFields.Mutable headers) {
        headers.put("x-ratelimit-limit-" + what, Long.toString(limit));
        headers.put("x-ratelimit-remaining-" + what, Long.toString(remaining));
        headers.put("x-ratelimit-reset-" + what, duration(reset));
    }

    /** A duration as OpenAI writes its resets: {@code 250ms}, {@code 1.5s}, {@code 6m0s}, {@code 2h0m0s}. */
    public static String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1_000) {
            return millis + "ms";
        }
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        String seconds = BigDecimal.valueOf(millis % 60_000, 3).stripTrailingZeros().toPlainString();
        return (hours > 0 ? hours + "h" : "") + (hours > 0 || minutes > 0 ? minutes + "m" : "") + seconds + "s";
    }
}
