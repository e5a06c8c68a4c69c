package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.call.BudgetStop;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.dialect.ApiError;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Turns a {@link Failure} into an HTTP status and an error body in the caller's dialect. Stateless. */
final class ErrorResponses {
    private ErrorResponses() {
    }

    /**
     * A rendered error.
     *
     * @param status        HTTP status
     * @param openAiType    OpenAI {@code error.type}
     * @param openAiCode    OpenAI {@code error.code}, may be null
     * @param anthropicType Anthropic {@code error.type}
     * @param message       the message (never contains a key)
     * @param fields        structured fields added to the error object (a spent budget's), or null
     */
    record Rendered(int status, String openAiType, String openAiCode, String anthropicType, String message,
                    ObjectNode fields) {
        Rendered(int status, String openAiType, String openAiCode, String anthropicType, String message) {
            this(status, openAiType, openAiCode, anthropicType, message, null);
        }

        Rendered withMessage(String value) {
            return new Rendered(status, openAiType, openAiCode, anthropicType, value, fields);
        }

        /** The error in the dialect's body shape. */
        ObjectNode body(WireDialect dialect) {
            return dialect.ingress().errorBody(error());
        }

        /** The error as a stream event, for a stream that has already started. */
        SseEvent event(WireDialect dialect) {
            return dialect.ingress().errorEvent(error());
        }

        ApiError error() {
            return new ApiError(status, openAiType, Optional.ofNullable(openAiCode), anthropicType, message,
                    Optional.ofNullable(fields));
        }
    }

    static Rendered render(Failure failure) {
        String message = failure.message();
        return switch (failure) {
            case Failure.BadRequest b -> new Rendered(400, "invalid_request_error", null, "invalid_request_error", message);
            case Failure.Unauthorized u ->
                    new Rendered(401, "invalid_request_error", "invalid_api_key", "authentication_error", message);
            case Failure.MethodNotAllowed m -> new Rendered(405, "invalid_request_error", null, "invalid_request_error", message);
            case Failure.NotFound n -> new Rendered(404, "invalid_request_error", null, "not_found_error", message);
            case Failure.UnknownModel u ->
                    new Rendered(404, "invalid_request_error", "model_not_found", "not_found_error", message);
            case Failure.BodyTooLarge b -> new Rendered(413, "invalid_request_error", null, "request_too_large", message);
            case Failure.UnsupportedMediaType u ->
                    new Rendered(415, "invalid_request_error", "unsupported_media_type", "invalid_request_error", message);
            case Failure.BodyTimeout t ->
                    new Rendered(408, "invalid_request_error", "request_timeout", "invalid_request_error", message);
            case Failure.Overloaded o -> new Rendered(503, "server_error", "overloaded", "overloaded_error", message);
            case Failure.KeysUnavailable k ->
                    new Rendered(503, "server_error", "auth_unavailable", "api_error", message);
            case Failure.ShuttingDown s -> new Rendered(503, "server_error", "shutting_down", "api_error", message);
            case Failure.Forbidden f -> new Rendered(403, "invalid_request_error", "forbidden", "permission_error", message);
            case Failure.Protocol p -> new Rendered(p.status(), p.status() >= 500 ? "server_error" : "invalid_request_error",
                    null, p.status() >= 500 ? "api_error" : "invalid_request_error", message);
            case Failure.NotAllowed n ->
                    new Rendered(403, "invalid_request_error", "model_not_allowed", "permission_error", message);
            case Failure.NoDeployment n ->
                    new Rendered(503, "server_error", "no_deployment_available", "api_error", message);
            case Failure.Throttled t -> new Rendered(429, "rate_limit_error", "rate_limit_exceeded", "rate_limit_error",
                    message);
            case Failure.BudgetSpent b -> new Rendered(429, "insufficient_quota", "budget_exceeded", "billing_error",
                    message, budgetFields(b.budget()));
            case Failure.OverLimit o -> new Rendered(429, "invalid_request_error", "request_exceeds_rate_limit",
                    "invalid_request_error", message);
            case Failure.SpendUnavailable u -> new Rendered(503, "server_error", "budget_unavailable", "api_error", message);
            case Failure.Unpriced u -> new Rendered(403, "invalid_request_error", "unpriced_deployment",
                    "permission_error", message);
            case Failure.Upstream u -> upstream(u);
            case Failure.Internal i -> new Rendered(500, "server_error", null, "api_error", message);
        };
    }

    /** The structured fields of a spent budget: scope, limit, spent, period, resets_at. */
    private static ObjectNode budgetFields(BudgetStop budget) {
        ObjectNode fields = Json.object();
        ObjectNode node = fields.putObject("budget").put("scope", budget.scope()).put("subject", budget.subject());
        budget.target().ifPresentOrElse(t -> node.put("target", t), () -> node.putNull("target"));
        node.put("limit_usd", Pricing.text(budget.limit())).put("spent_usd", Pricing.text(budget.spent()))
                .put("reserved_usd", Pricing.text(budget.reserved())).put("period", budget.period());
        budget.resetsAt().ifPresentOrElse(at -> node.put("resets_at", at.toString()), () -> node.putNull("resets_at"));
        return fields;
    }

    /**
     * The headers a refusal carries beyond its status: a throttle is transient ({@code x-should-retry: true}, a true
     * {@code Retry-After} and {@code retry-after-ms}); a spent budget and a request larger than a limit are terminal
     * ({@code x-should-retry: false}, the budget's {@code Retry-After} to its window's reset).
     */
    static Map<String, String> headers(Failure failure, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (failure) {
            case Failure.Throttled t -> {
                long millis = Math.max(1, t.retryAfter().toMillis());
                headers.put("Retry-After", Long.toString(Math.max(1, (millis + 999) / 1000)));
                headers.put("retry-after-ms", Long.toString(millis));
                headers.put("x-should-retry", "true");
            }
            case Failure.BudgetSpent b -> {
                headers.put("x-should-retry", "false");
                b.budget().resetsAt().ifPresent(at -> headers.put("Retry-After",
                        Long.toString(Math.max(1, Duration.between(now, at).toSeconds() + 1))));
            }
            case Failure.OverLimit o -> headers.put("x-should-retry", "false");
            case Failure.Unpriced u -> headers.put("x-should-retry", "false");
            case Failure.Upstream u -> u.shouldRetry().ifPresent(retry -> headers.put("x-should-retry", retry.toString()));
            default -> {
            }
        }
        return headers;
    }

    /**
     * Whether the connection is closed after this error: when the request's body may be left unread (too large,
     * over the memory budget, dripped too slowly — reading the rest would cost what the refusal saves) or the
     * gateway is shutting down.
     */
    static boolean closesConnection(Failure failure) {
        return switch (failure) {
            case Failure.BodyTooLarge b -> true;
            case Failure.BodyTimeout t -> true;
            case Failure.Overloaded o -> true;
            case Failure.ShuttingDown s -> true;
            case Failure.Protocol p -> true;
            case Failure.BadRequest b -> false;
            case Failure.Unauthorized u -> false;
            case Failure.MethodNotAllowed m -> false;
            case Failure.NotFound n -> false;
            case Failure.UnknownModel u -> false;
            case Failure.UnsupportedMediaType u -> false;
            case Failure.KeysUnavailable k -> false;
            case Failure.Forbidden f -> false;
            case Failure.NotAllowed n -> false;
            case Failure.NoDeployment n -> false;
            case Failure.Upstream u -> false;
            case Failure.Internal i -> false;
            case Failure.Throttled t -> false;
            case Failure.BudgetSpent b -> false;
            case Failure.OverLimit o -> false;
            case Failure.SpendUnavailable u -> false;
            case Failure.Unpriced u -> false;
        };
    }

    private static Rendered upstream(Failure.Upstream failure) {
        String message = "upstream " + failure.errorClass().id() + ": " + failure.message();
        return switch (failure.errorClass()) {
            case RATE_LIMITED -> new Rendered(429, "rate_limit_error", "rate_limit_exceeded", "rate_limit_error", message);
            case OVERLOADED -> new Rendered(529, "server_error", "overloaded", "overloaded_error", message);
            case REJECTED -> new Rendered(failure.status() >= 400 && failure.status() < 500 ? failure.status() : 400,
                    "invalid_request_error", null, "invalid_request_error", message);
            case FIRST_BYTE_TIMEOUT, TOTAL_TIMEOUT, REQUEST_TIMEOUT ->
                    new Rendered(504, "server_error", "upstream_timeout", "api_error", message);
            case SHUTDOWN -> new Rendered(503, "server_error", "shutting_down", "api_error", message);
            case CONNECT, IO, SERVER_ERROR, UNAVAILABLE, BAD_RESPONSE, STREAM_CUT, CLIENT_CANCELLED ->
                    new Rendered(502, "server_error", "upstream_error", "api_error", message);
        };
    }
}
