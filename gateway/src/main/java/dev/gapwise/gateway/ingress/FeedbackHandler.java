package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.keys.AuthDecision;
import dev.gapwise.gateway.keys.KeyIdentity;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.shadow.Feedbacks;
import dev.gapwise.gateway.text.CleanText;
import dev.gapwise.gateway.text.Redactor;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.JsonNode;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * {@code POST /v1/gapwise/feedback} with {@code {"request_id": "...", "score": 0..1, "comment": "..."}}: a user's
 * verdict on an answered request (1 = right, 0 = unusable), stored as ground truth for the private lag report. The
 * same key rules as the chat endpoints; a key may rate only its own requests. Errors in the OpenAI dialect (or
 * Anthropic's, when the request carries {@code anthropic-version}). Thread-safe.
 */
final class FeedbackHandler extends Handler.Abstract {
    private static final int MAX_BODY = 16 * 1024;

    private final Ingress.Parts parts;
    private final BodyBudget budget;

    FeedbackHandler(Ingress.Parts parts, BodyBudget budget) {
        this.parts = parts;
        this.budget = budget;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        WireDialect dialect = Dialects.forRequest(request.getHttpURI().getPath(), request.getHeaders());
        HttpClientChannel channel = new HttpClientChannel(response, callback, dialect, Redactor.shapesOnly());
        Optional<Failure> failure = serve(request);
        if (failure.isPresent()) {
            channel.fail(failure.get());
        } else {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap("{\"status\":\"recorded\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    callback);
        }
        return true;
    }

    private Optional<Failure> serve(Request request) {
        if (!HttpMethod.POST.is(request.getMethod())) {
            return Optional.of(new Failure.MethodNotAllowed("use POST for /v1/gapwise/feedback"));
        }
        Optional<String> keyId;
        switch (parts.keys().check(EndpointGuard.presentedKey(request))) {
            case AuthDecision.Denied denied -> {
                return Optional.of(new Failure.Unauthorized(denied.message()));
            }
            case AuthDecision.Unavailable unavailable -> {
                return Optional.of(new Failure.KeysUnavailable(unavailable.message()));
            }
            case AuthDecision.Allowed allowed -> keyId = allowed.identity().map(KeyIdentity::id);
        }
        if (!ChatHandler.json(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            return Optional.of(new Failure.UnsupportedMediaType("send the body as 'Content-Type: application/json'"));
        }
        byte[] bytes;
        try (BodyBudget.Ticket ticket = budget.ticket()) {
            switch (BodyReader.read(request, MAX_BODY, parts.server().bodyTimeout(), ticket)) {
                case BodyReader.Result.Read read -> bytes = read.bytes();
                case BodyReader.Result.TooLarge tooLarge -> {
                    return Optional.of(new Failure.BodyTooLarge(MAX_BODY));
                }
                case BodyReader.Result.TimedOut timedOut -> {
                    return Optional.of(new Failure.BodyTimeout(parts.server().bodyTimeout().toMillis()));
                }
                case BodyReader.Result.OverBudget overBudget -> {
                    return Optional.of(new Failure.Overloaded("the gateway is holding as many request bodies as it "
                            + "may; retry shortly"));
                }
                case BodyReader.Result.Broken broken -> {
                    return Optional.of(new Failure.BadRequest("could not read the request body: " + broken.message()));
                }
            }
        }
        JsonNode body = Json.parseOrNull(bytes);
        if (body == null || !body.isObject()) {
            return Optional.of(new Failure.BadRequest("the body must be a JSON object such as "
                    + "{\"request_id\": \"...\", \"score\": 1}"));
        }
        JsonNode id = body.path("request_id");
        if (!id.isString() || id.asString().isBlank() || id.asString().length() > 64) {
            return Optional.of(new Failure.BadRequest("'request_id' must be the x-gapwise-request-id of an answered "
                    + "request (a string of at most 64 characters)"));
        }
        JsonNode score = body.path("score");
        if (!score.isNumber() || score.asDouble() < 0 || score.asDouble() > 1) {
            return Optional.of(new Failure.BadRequest("'score' must be a number from 0 (the answer was unusable) to 1 "
                    + "(it was right), got " + CleanText.of(score.isMissingNode() ? "nothing" : score.toString(), 40)));
        }
        Optional<String> comment = body.path("comment").isString()
                ? Optional.of(CleanText.of(body.path("comment").asString(), 500)) : Optional.empty();
        return switch (parts.feedback().record(CleanText.of(id.asString(), 64), keyId, score.asDouble(), comment)) {
            case Feedbacks.Outcome.Recorded recorded -> Optional.empty();
            case Feedbacks.Outcome.UnknownRequest unknown -> Optional.of(new Failure.NotFound(unknown.message()));
            case Feedbacks.Outcome.Unavailable unavailable -> Optional.of(new Failure.KeysUnavailable(unavailable.message()));
        };
    }
}
