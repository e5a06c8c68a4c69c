package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.call.CallLoop;
import dev.gapwise.gateway.call.CallOutcome;
import dev.gapwise.gateway.call.CallRequest;
import dev.gapwise.gateway.call.Cancellation;
import dev.gapwise.gateway.call.ClientChannel;
import dev.gapwise.gateway.call.ErrorClass;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.call.RateLimitStatus;
import dev.gapwise.gateway.call.RequestContext;
import dev.gapwise.gateway.embeddings.EmbeddingsMapping;
import dev.gapwise.gateway.embeddings.EmbeddingsWire;
import dev.gapwise.gateway.keys.AuthDecision;
import dev.gapwise.gateway.keys.KeyIdentity;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.openai.OpenAiDialect;
import dev.gapwise.gateway.route.RoutePlan;
import dev.gapwise.gateway.route.RoutePlanner;
import dev.gapwise.gateway.route.RouteRequest;
import dev.gapwise.gateway.text.CleanText;
import dev.gapwise.gateway.text.LogValue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code POST /v1/embeddings} (OpenAI shape): authenticate, read and check the body within the same limits as chat,
 * route by the policy's tiers over the embedding deployments ({@link dev.gapwise.gateway.embeddings.EmbeddingPlanner}),
 * call through the embeddings call loop (retries, fallbacks, budgets, one ledger row per attempt), and answer with
 * every vector in the encoding the client asked for. Errors are in the OpenAI error shape. Logs one line per
 * request, never a key. Thread-safe.
 */
final class EmbeddingsHandler extends Handler.Abstract {
    private static final Logger ACCESS = LoggerFactory.getLogger("gapwise.access");
    private static final String ENDPOINT = "embeddings";

    private final Ingress.Parts parts;
    private final Ingress.Embeddings embeddings;
    private final RequestIds ids;
    private final BodyBudget budget;
    private final IngressJson json;

    EmbeddingsHandler(Ingress.Parts parts, Ingress.Embeddings embeddings, RequestIds ids, BodyBudget budget,
                      IngressJson json) {
        this.parts = parts;
        this.embeddings = embeddings;
        this.ids = ids;
        this.budget = budget;
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long received = System.nanoTime();
        String requestId = ids.next();
        response.getHeaders().put("x-gapwise-request-id", requestId);
        HttpClientChannel channel = new HttpClientChannel(response, callback, OpenAiDialect.DIALECT, parts.redactor());
        Cancellation cancellation = new Cancellation();
        String outcome;
        String model = "-";
        if (!parts.inFlight().enter(cancellation)) {
            outcome = failed(channel, new Failure.ShuttingDown());
        } else {
            request.addFailureListener(failure -> cancellation.cancel(Cancellation.Reason.CLIENT_GONE));
            try (BodyBudget.Ticket ticket = budget.ticket()) {
                Served served = serve(request, channel, received, requestId, cancellation, ticket);
                outcome = served.outcome();
                model = served.model();
            } catch (RuntimeException e) {
                ACCESS.error("request {} failed inside the gateway", requestId, e);
                outcome = "internal";
                if (!channel.finished()) {
                    channel.fail(new Failure.Internal("internal gateway error (request " + requestId + ")"));
                }
            } finally {
                parts.inFlight().exit(cancellation);
            }
        }
        long duration = System.nanoTime() - received;
        parts.metrics().request(ENDPOINT, channel.status(), outcome, duration, channel.overheadNanos());
        ACCESS.info("request_id={} endpoint={} status={} outcome={} model={} duration_us={}", requestId, ENDPOINT,
                channel.status(), outcome, LogValue.of(model), duration / 1_000);
        return true;
    }

    private record Served(String outcome, String model) {
    }

    private Served serve(Request request, HttpClientChannel channel, long received, String requestId,
                         Cancellation cancellation, BodyBudget.Ticket ticket) {
        if (!HttpMethod.POST.is(request.getMethod())) {
            return new Served(failed(channel, new Failure.MethodNotAllowed("use POST for /v1/embeddings")), "-");
        }
        Optional<KeyIdentity> identity;
        switch (parts.keys().check(EndpointGuard.presentedKey(request))) {
            case AuthDecision.Denied denied -> {
                return new Served(failed(channel, new Failure.Unauthorized(denied.message())), "-");
            }
            case AuthDecision.Unavailable unavailable -> {
                return new Served(failed(channel, new Failure.KeysUnavailable(unavailable.message())), "-");
            }
            case AuthDecision.Allowed allowed -> identity = allowed.identity();
        }
        if (!ChatHandler.json(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            return new Served(failed(channel, new Failure.UnsupportedMediaType("send the body as 'Content-Type: "
                    + "application/json' (got " + LogValue.of(request.getHeaders().get(HttpHeader.CONTENT_TYPE)) + ")")),
                    "-");
        }
        Optional<ObjectNode> body = body(request, channel, ticket);
        if (body.isEmpty()) {
            return new Served("refused", "-");
        }
        EmbeddingsWire.Request checked;
        switch (EmbeddingsMapping.check(body.get())) {
            case EmbeddingsMapping.Checked.Bad bad -> {
                return new Served(failed(channel, new Failure.BadRequest(bad.message())), "-");
            }
            case EmbeddingsMapping.Checked.Ok ok -> checked = ok.request();
        }
        String model = CleanText.of(checked.model(), 256);
        Optional<String> keyId = identity.map(KeyIdentity::id);
        RouteRequest route = new RouteRequest(checked.model(), "/v1/embeddings",
                Optional.ofNullable(request.getHeaders().get(ChatHandler.TIER_HEADER)).map(t -> CleanText.of(t, 50)),
                identity.flatMap(KeyIdentity::tier), false, 1, "", "", Map.of(), OptionalLong.empty(),
                identity.map(KeyIdentity::tierFixed).orElse(false), "", false);
        return switch (embeddings.planner().plan(route)) {
            case RoutePlan.UnknownModel unknown -> new Served(failed(channel, new Failure.UnknownModel(unknown.model())), model);
            case RoutePlan.NoDeployment none -> new Served(failed(channel, new Failure.NoDeployment(none.reason())), model);
            case RoutePlan.NotAllowed refused -> new Served(failed(channel, new Failure.NotAllowed(refused.reason())), model);
            case RoutePlan.Invalid invalid -> new Served(failed(channel, new Failure.BadRequest(invalid.message())), model);
            case RoutePlan.Route plan -> {
                RequestContext context = new RequestContext(requestId, parts.clock().instant(), keyId, OpenAiDialect.DIALECT,
                        model, plan.tier(), plan.decision(), parts.budgets().teamOf(keyId));
                CallRequest call = new CallRequest(context, body.get(), false, false, checked.characters(), received,
                        cancellation);
                CallOutcome result = embeddings.loop().call(call, plan, new Encoding(channel, checked.encoding()));
                yield new Served(switch (result) {
                    case CallOutcome.Answered answered -> "ok";
                    case CallOutcome.Failed failed -> {
                        channel.fail(failed.failure());
                        yield ChatHandler.failureName(failed.failure());
                    }
                    case CallOutcome.Broken broken -> "broken";
                    case CallOutcome.ClientGone gone -> "client_gone";
                }, model);
            }
        };
    }

    /** Reads and parses the body within the gateway's limits, answering the refusal itself when it cannot. */
    private Optional<ObjectNode> body(Request request, HttpClientChannel channel, BodyBudget.Ticket ticket) {
        byte[] bytes;
        switch (BodyReader.read(request, parts.server().maxBodyBytes(), parts.server().bodyTimeout(), ticket)) {
            case BodyReader.Result.TooLarge tooLarge -> {
                failed(channel, new Failure.BodyTooLarge(parts.server().maxBodyBytes()));
                return Optional.empty();
            }
            case BodyReader.Result.TimedOut timedOut -> {
                failed(channel, new Failure.BodyTimeout(parts.server().bodyTimeout().toMillis()));
                return Optional.empty();
            }
            case BodyReader.Result.OverBudget overBudget -> {
                failed(channel, new Failure.Overloaded("the gateway holds as many request bodies as its memory bound "
                        + "allows (server.max_inflight_body_bytes); retry shortly"));
                return Optional.empty();
            }
            case BodyReader.Result.Broken broken -> {
                failed(channel, new Failure.BadRequest("could not read the request body: " + broken.message()));
                return Optional.empty();
            }
            case BodyReader.Result.Read read -> bytes = read.bytes();
        }
        switch (RequestParser.weigh(json, bytes)) {
            case RequestParser.Weight.Bad bad -> {
                failed(channel, bad.failure());
                return Optional.empty();
            }
            case RequestParser.Weight.Of weight -> {
                if (!ticket.charge(weight.bytes())) {
                    failed(channel, new Failure.Overloaded("the gateway holds as many request bodies as its memory "
                            + "bound allows (server.max_inflight_body_bytes); retry shortly"));
                    return Optional.empty();
                }
            }
        }
        JsonNode tree;
        try {
            tree = json.tree(bytes);
        } catch (tools.jackson.core.JacksonException e) {
            failed(channel, new Failure.BadRequest("request body is not valid JSON: "
                    + CleanText.of(e.getOriginalMessage(), 300)));
            return Optional.empty();
        }
        if (tree == null || !tree.isObject()) {
            failed(channel, new Failure.BadRequest("request body must be a JSON object"));
            return Optional.empty();
        }
        return Optional.of((ObjectNode) tree);
    }

    private String failed(HttpClientChannel channel, Failure failure) {
        channel.fail(failure);
        String name = ChatHandler.failureName(failure);
        parts.metrics().rejected(name);
        return name;
    }

    /** The client's channel, answering with every vector in the encoding the client asked for. */
    private record Encoding(HttpClientChannel channel, EmbeddingsWire.Encoding wanted) implements ClientChannel {
        @Override
        public boolean respond(ServedBy servedBy, byte[] answer) {
            JsonNode parsed = Json.parseOrNull(answer);
            return switch (EmbeddingsMapping.encode(parsed == null ? Json.object() : parsed, wanted)) {
                case EmbeddingsMapping.Encoded.Ok ok -> channel.respond(servedBy, Json.bytes(ok.answer()));
                case EmbeddingsMapping.Encoded.Broken broken -> {
                    channel.fail(new Failure.Upstream(ErrorClass.BAD_RESPONSE, 502, broken.message()));
                    yield true;
                }
            };
        }

        @Override
        public boolean send(ServedBy servedBy, SseEvent event) {
            throw new IllegalStateException("embeddings do not stream");
        }

        @Override
        public void rateLimits(RateLimitStatus status) {
            channel.rateLimits(status);
        }

        @Override
        public void endStream() {
            throw new IllegalStateException("embeddings do not stream");
        }

        @Override
        public void breakStream(Failure failure) {
            channel.fail(failure);
        }
    }
}
