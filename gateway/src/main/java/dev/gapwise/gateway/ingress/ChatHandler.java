package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.dialect.IngressRequest;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.call.CallOutcome;
import dev.gapwise.gateway.call.CallRequest;
import dev.gapwise.gateway.call.Cancellation;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.call.RequestContext;
import dev.gapwise.gateway.call.ClientChannel;
import dev.gapwise.gateway.call.TokenCountOutcome;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.keys.AuthDecision;
import dev.gapwise.gateway.keys.KeyIdentity;
import dev.gapwise.gateway.route.RoutePlan;
import dev.gapwise.gateway.route.RouteRequest;
import dev.gapwise.gateway.shadow.ShadowFacts;
import dev.gapwise.gateway.shadow.ShadowTap;
import dev.gapwise.gateway.spend.Budgets;
import dev.gapwise.gateway.telemetry.RequestTrace;
import dev.gapwise.gateway.text.CleanText;
import dev.gapwise.gateway.text.LogValue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import tools.jackson.databind.node.ObjectNode;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;

/**
 * The chat endpoint of one dialect ({@code POST /v1/chat/completions}, {@code POST /v1/messages}, …): admit (not
 * while shutting down), authenticate, check the content type, read the body within its size, deadline and the
 * in-flight memory budget, weigh and parse it within the JSON limits and the dialect's checks, plan the route, run
 * the call loop, and answer failures in the endpoint's dialect. The call is cancelled when the client's connection
 * closes (the upstream exchange is aborted at once) or when a shutdown outlives its grace period. Logs one line per
 * request, with escaped fields, ids and never a key. Thread-safe.
 */
final class ChatHandler extends Handler.Abstract {
    private static final Logger ACCESS = LoggerFactory.getLogger("gapwise.access");
    static final String TIER_HEADER = "x-gapwise-tier";
    /** On a token count: {@code exact}, or how the estimate was made. */
    static final String TOKEN_COUNT_HEADER = "x-gapwise-token-count";

    private final WireDialect dialect;
    private final boolean counting;
    private final String endpoint;
    private final Ingress.Parts parts;
    private final RequestIds ids;
    private final BodyBudget budget;
    private final IngressJson json;
    private final Front front;
    private final HangUpSweeper hangUps;

    ChatHandler(WireDialect dialect, Ingress.Parts parts, RequestIds ids, BodyBudget budget, IngressJson json,
                HangUpSweeper hangUps) {
        this(dialect, false, parts, ids, budget, json, hangUps);
    }

    /** @param counting this is the dialect's token-count endpoint: the route is planned, then the tokens counted */
    ChatHandler(WireDialect dialect, boolean counting, Ingress.Parts parts, RequestIds ids, BodyBudget budget,
                IngressJson json, HangUpSweeper hangUps) {
        this(dialect, counting ? "count_tokens" : dialect.ingress().endpoint(), counting, parts, ids, budget, json,
                Front.chat(counting), hangUps);
    }

    /** An endpoint whose body is read by {@code front} and answered in {@code dialect}'s error shape. */
    ChatHandler(WireDialect dialect, String endpoint, boolean counting, Ingress.Parts parts, RequestIds ids,
                BodyBudget budget, IngressJson json, Front front, HangUpSweeper hangUps) {
        this.front = front;
        this.hangUps = hangUps;
        this.dialect = dialect;
        this.counting = counting;
        this.endpoint = endpoint;
        this.parts = parts;
        this.ids = ids;
        this.budget = budget;
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long received = System.nanoTime();
        String requestId = ids.next();
        response.getHeaders().put("x-gapwise-request-id", requestId);
        HttpClientChannel channel = new HttpClientChannel(response, callback, dialect, parts.redactor());
        RequestTrace trace = parts.telemetry().begin(requestId, request.getHttpURI().getPath(), dialect.kind(),
                request.getHeaders()::get);
        Cancellation cancellation = new Cancellation();
        Handled handled;
        if (!parts.inFlight().enter(cancellation)) {
            handled = failed(channel, new Failure.ShuttingDown(), "-");
        } else {
            Connection connection = request.getConnectionMetaData().getConnection();
            Connection.Listener closed = new Connection.Listener() {
                @Override
                public void onClosed(Connection ignored) {
                    cancellation.cancel(Cancellation.Reason.CLIENT_GONE);
                }
            };
            connection.addEventListener(closed);
            request.addFailureListener(failure -> cancellation.cancel(Cancellation.Reason.CLIENT_GONE));
            try (BodyBudget.Ticket ticket = budget.ticket()) {
                handled = trace == RequestTrace.None.INSTANCE
                        ? serve(request, channel, received, requestId, cancellation, ticket)
                        : ScopedValue.where(RequestTrace.CURRENT, trace)
                        .call(() -> serve(request, channel, received, requestId, cancellation, ticket));
            } catch (RuntimeException e) {
                ACCESS.error("request {} failed inside the gateway", requestId, e);
                channel.stopWatching();
                handled = new Handled("internal", "-", "-");
                if (!channel.finished()) {
                    channel.fail(new Failure.Internal("internal gateway error (request " + requestId + ")"));
                }
            } finally {
                connection.removeEventListener(closed);
                parts.inFlight().exit(cancellation);
            }
        }
        long duration = System.nanoTime() - received;
        trace.finished(channel.status(), handled.outcome());
        parts.metrics().request(endpoint, channel.status(), handled.outcome(), duration, channel.overheadNanos());
        ACCESS.info("request_id={} endpoint={} status={} outcome={} model={} deployment={} duration_us={} overhead_us={}",
                requestId, endpoint, channel.status(), handled.outcome(), LogValue.of(handled.model()),
                LogValue.of(handled.deployment()), duration / 1_000, channel.overheadNanos() / 1_000);
        return true;
    }

    private record Handled(String outcome, String model, String deployment) {
    }

    private Handled serve(Request request, HttpClientChannel channel, long received, String requestId,
                          Cancellation cancellation, BodyBudget.Ticket ticket) {
        if (!HttpMethod.POST.is(request.getMethod())) {
            return failed(channel, new Failure.MethodNotAllowed("use POST for " + endpoint), "-");
        }
        Optional<KeyIdentity> identity;
        switch (parts.keys().check(EndpointGuard.presentedKey(request))) {
            case AuthDecision.Denied denied -> {
                return failed(channel, new Failure.Unauthorized(denied.message()), "-");
            }
            case AuthDecision.Unavailable unavailable -> {
                return failed(channel, new Failure.KeysUnavailable(unavailable.message()), "-");
            }
            case AuthDecision.Allowed allowed -> identity = allowed.identity();
        }
        if (!json(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            return failed(channel, new Failure.UnsupportedMediaType("send the body as 'Content-Type: application/json' "
                    + "(got " + LogValue.of(request.getHeaders().get(HttpHeader.CONTENT_TYPE)) + ")"), "-");
        }
        byte[] bytes;
        switch (BodyReader.read(request, parts.server().maxBodyBytes(), parts.server().bodyTimeout(), ticket)) {
            case BodyReader.Result.TooLarge tooLarge -> {
                return failed(channel, new Failure.BodyTooLarge(parts.server().maxBodyBytes()), "-");
            }
            case BodyReader.Result.TimedOut timedOut -> {
                return failed(channel, new Failure.BodyTimeout(parts.server().bodyTimeout().toMillis()), "-");
            }
            case BodyReader.Result.OverBudget overBudget -> {
                return failed(channel, overloaded(), "-");
            }
            case BodyReader.Result.Broken broken -> {
                return failed(channel, new Failure.BadRequest("could not read the request body: " + broken.message()), "-");
            }
            case BodyReader.Result.Read read -> bytes = read.bytes();
        }
        switch (RequestParser.weigh(json, bytes)) {
            case RequestParser.Weight.Bad bad -> {
                return failed(channel, bad.failure(), "-");
            }
            case RequestParser.Weight.Of weight -> {
                if (!ticket.charge(weight.bytes())) {
                    return failed(channel, overloaded(), "-");
                }
            }
        }
        Optional<String> keyId = identity.map(KeyIdentity::id);
        IngressRequest ok;
        java.util.function.Function<HttpClientChannel, dev.gapwise.gateway.call.ClientChannel> answer;
        switch (front.parse(json, dialect, bytes, keyId, request.getHttpURI().getPath())) {
            case Front.Parsed.Bad bad -> {
                return failed(channel, bad.failure(), "-");
            }
            case Front.Parsed.Ok parsed -> {
                ok = parsed.request();
                answer = parsed.answer();
            }
        }
        RequestTrace.current().received(ok.body(), ok.stream());
        long promptBytes = bytes.length;
        channel.watchHangUp(hangUps.watch(request.getConnectionMetaData().getConnection().getEndPoint(), cancellation,
                request.getComponents().getScheduler()));
        Optional<String> team = parts.budgets().teamOf(keyId);
        RoutePlan plan;
        ObjectNode facts = dialect.ingress().routingView(ok.body());
        switch (parts.budgets().plan(new RouteRequest(ok.model(), endpoint,
                Optional.ofNullable(request.getHeaders().get(TIER_HEADER)).map(tier -> CleanText.of(tier, 50)),
                identity.flatMap(KeyIdentity::tier), ok.hasTools(), RouteFacts.userTurns(facts),
                RouteFacts.userText(facts), dialect.ingress().systemText(ok.body()), RouteFacts.metadata(facts),
                RouteFacts.maxOutputTokens(facts), identity.map(KeyIdentity::tierFixed).orElse(false),
                RouteFacts.earlierUserText(facts), RouteFacts.hasMedia(facts)), keyId, team)) {
            case Budgets.Routed.Refused refused -> {
                return failed(channel, refused.failure(), ok.model());
            }
            case Budgets.Routed.Planned planned -> plan = planned.plan();
        }
        return switch (plan) {
            case RoutePlan.UnknownModel unknown -> failed(channel, new Failure.UnknownModel(unknown.model()), ok.model());
            case RoutePlan.NoDeployment none -> failed(channel, new Failure.NoDeployment(none.reason()), ok.model());
            case RoutePlan.NotAllowed refused -> failed(channel, new Failure.NotAllowed(refused.reason()), ok.model());
            case RoutePlan.Invalid invalid -> failed(channel, new Failure.BadRequest(invalid.message()), ok.model());
            case RoutePlan.Route route -> {
                RequestContext context = new RequestContext(requestId, parts.clock().instant(), keyId, dialect,
                        ok.model(), route.tier(), route.decision(), team);
                RequestTrace.current().routed(context, route);
                CallRequest call = new CallRequest(context, ok.body(), ok.stream(), ok.includeUsage(), promptBytes,
                        received, cancellation, forwarded(request));
                if (counting) {
                    yield count(channel, call, route, ok.model(), received);
                }
                ShadowTap.Session shadow = parts.shadow().open(new ShadowFacts(requestId, context.receivedAt(), keyId,
                        identity.map(KeyIdentity::name), route.tier(), ShadowFacts.task(request.getHeaders()
                        .get(ShadowFacts.TASK_HEADER), ok.body()), dialect, ok.body()));
                CallOutcome result = parts.loop().call(call, route, shadow.watch(answer.apply(channel)));
                shadow.finished(result);
                String served = result.attempts().isEmpty() ? "-"
                        : result.attempts().getLast().deployment().id();
                yield switch (result) {
                    case CallOutcome.Answered answered -> new Handled("ok", ok.model(), served);
                    case CallOutcome.Failed failed -> {
                        channel.fail(failed.failure());
                        yield new Handled(failureName(failed.failure()), ok.model(), served);
                    }
                    case CallOutcome.Broken broken -> new Handled("stream_broken", ok.model(), served);
                    case CallOutcome.ClientGone gone -> new Handled("client_gone", ok.model(), served);
                };
            }
        };
    }

    /** The client headers the dialect forwards to a same-dialect upstream, each cleaned of control characters. */
    private java.util.Map<String, String> forwarded(Request request) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String name : dialect.ingress().forwardedHeaders()) {
            java.util.List<String> values = request.getHeaders().getValuesList(name);
            if (!values.isEmpty()) {
                headers.put(name, CleanText.of(String.join(",", values), 1000));
            }
        }
        return headers;
    }

    /**
     * Answers a token-count request: the upstream's exact count, or an estimate marked as one. The overhead is the
     * gateway's time before the upstream was asked (all of it for an estimate).
     */
    private Handled count(HttpClientChannel channel, CallRequest call, RoutePlan.Route route, String model,
                          long received) {
        long before = System.nanoTime() - received;
        return switch (parts.loop().countTokens(call, route)) {
            case TokenCountOutcome.Exact exact -> {
                channel.header(TOKEN_COUNT_HEADER, "exact");
                channel.respond(new ClientChannel.ServedBy(exact.deploymentId(), "token count", before), exact.body());
                yield new Handled("ok", model, exact.deploymentId());
            }
            case TokenCountOutcome.Estimated estimated -> {
                channel.header(TOKEN_COUNT_HEADER, CleanText.of(estimated.method(), 500));
                channel.respond(new ClientChannel.ServedBy(estimated.deploymentId(), "token count",
                                System.nanoTime() - received),
                        Json.bytes(Json.object().put("input_tokens", estimated.inputTokens())));
                yield new Handled("estimated", model, estimated.deploymentId());
            }
            case TokenCountOutcome.Failed failed -> failed(channel, failed.failure(), model);
        };
    }

    private Failure overloaded() {
        return new Failure.Overloaded("the gateway holds as many request bodies as its memory bound allows ("
                + budget.capacity() + " bytes, server.max_inflight_body_bytes); retry shortly");
    }

    /** {@code application/json}, with or without parameters such as {@code charset=utf-8}. */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    private Handled failed(HttpClientChannel channel, Failure failure, String model) {
        channel.fail(failure);
        parts.metrics().rejected(failureName(failure));
        return new Handled(failureName(failure), model, "-");
    }

    static String failureName(Failure failure) {
        return failure instanceof Failure.Upstream upstream ? "upstream_" + upstream.errorClass().id()
                : failure.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
