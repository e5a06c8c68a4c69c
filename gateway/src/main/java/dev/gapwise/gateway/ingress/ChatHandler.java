package dev.gapwise.gateway.ingress;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.call.CallLoop;
import dev.gapwise.gateway.call.CallOutcome;
import dev.gapwise.gateway.call.CallRequest;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.call.RequestContext;
import dev.gapwise.gateway.keys.AuthDecision;
import dev.gapwise.gateway.keys.KeyIdentity;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.metrics.GatewayMetrics;
import dev.gapwise.gateway.route.RoutePlan;
import dev.gapwise.gateway.route.RoutePlanner;
import dev.gapwise.gateway.route.RouteRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Optional;

/**
 * {@code POST /v1/chat/completions} or {@code POST /v1/messages}: authenticate, read and validate the body, plan
 * the route, run the call loop, and answer failures in the endpoint's dialect. Logs one line per request, with
 * ids and never a key. Thread-safe.
 */
final class ChatHandler extends Handler.Abstract {
    private static final Logger ACCESS = LoggerFactory.getLogger("gapwise.access");
    static final String TIER_HEADER = "x-gapwise-tier";

    private final Dialect dialect;
    private final String endpoint;
    private final int maxBodyBytes;
    private final VirtualKeys keys;
    private final RoutePlanner planner;
    private final CallLoop loop;
    private final GatewayMetrics metrics;
    private final InstantSource clock;
    private final RequestIds ids;

    ChatHandler(Dialect dialect, String endpoint, int maxBodyBytes, VirtualKeys keys, RoutePlanner planner,
                CallLoop loop, GatewayMetrics metrics, InstantSource clock, RequestIds ids) {
        this.dialect = dialect;
        this.endpoint = endpoint;
        this.maxBodyBytes = maxBodyBytes;
        this.keys = keys;
        this.planner = planner;
        this.loop = loop;
        this.metrics = metrics;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long received = System.nanoTime();
        String requestId = ids.next();
        response.getHeaders().put("x-gapwise-request-id", requestId);
        HttpClientChannel channel = new HttpClientChannel(response, callback, dialect);
        String outcome;
        String deployment = "-";
        String model = "-";
        try {
            Handled handled = serve(request, channel, received, requestId);
            outcome = handled.outcome();
            deployment = handled.deployment();
            model = handled.model();
        } catch (RuntimeException e) {
            ACCESS.error("request {} failed inside the gateway", requestId, e);
            outcome = "internal";
            if (!channel.finished()) {
                channel.fail(new Failure.Internal("internal gateway error (request " + requestId + ")"));
            }
        }
        long duration = System.nanoTime() - received;
        metrics.request(endpoint, channel.status(), outcome, duration, channel.overheadNanos());
        ACCESS.info("request_id={} endpoint={} status={} outcome={} model={} deployment={} duration_us={} overhead_us={}",
                requestId, endpoint, channel.status(), outcome, model, deployment, duration / 1_000,
                channel.overheadNanos() / 1_000);
        return true;
    }

    private record Handled(String outcome, String model, String deployment) {
    }

    private Handled serve(Request request, HttpClientChannel channel, long received, String requestId) {
        if (!HttpMethod.POST.is(request.getMethod())) {
            return failed(channel, new Failure.MethodNotAllowed("use POST for " + endpoint), "-");
        }
        AuthDecision auth = keys.check(presentedKey(request));
        if (auth instanceof AuthDecision.Denied denied) {
            return failed(channel, new Failure.Unauthorized(denied.message()), "-");
        }
        Optional<KeyIdentity> identity = ((AuthDecision.Allowed) auth).identity();
        BodyReader.Result body = BodyReader.read(request, maxBodyBytes);
        if (body instanceof BodyReader.Result.TooLarge) {
            return failed(channel, new Failure.BodyTooLarge(maxBodyBytes), "-");
        }
        if (body instanceof BodyReader.Result.Broken broken) {
            return failed(channel, new Failure.BadRequest("could not read the request body: " + broken.message()), "-");
        }
        byte[] bytes = ((BodyReader.Result.Read) body).bytes();
        RequestParser.Result parsed = RequestParser.parse(dialect, bytes);
        if (parsed instanceof RequestParser.Result.Bad bad) {
            return failed(channel, bad.failure(), "-");
        }
        ParsedRequest ok = ((RequestParser.Result.Ok) parsed).request();
        RoutePlan plan = planner.plan(new RouteRequest(ok.model(), endpoint,
                Optional.ofNullable(request.getHeaders().get(TIER_HEADER)), identity.flatMap(KeyIdentity::tier),
                ok.hasTools(), RouteFacts.userTurns(ok.body()), RouteFacts.userText(ok.body()),
                RouteFacts.systemText(dialect, ok.body()), RouteFacts.metadata(ok.body()),
                RouteFacts.maxOutputTokens(ok.body())));
        return switch (plan) {
            case RoutePlan.UnknownModel unknown -> failed(channel, new Failure.UnknownModel(unknown.model()), ok.model());
            case RoutePlan.NoDeployment none -> failed(channel, new Failure.NoDeployment(none.reason()), ok.model());
            case RoutePlan.NotAllowed refused -> failed(channel, new Failure.NotAllowed(refused.reason()), ok.model());
            case RoutePlan.Route route -> {
                RequestContext context = new RequestContext(requestId, clock.instant(),
                        identity.map(KeyIdentity::id), dialect, ok.model(), route.tier(), route.decision());
                CallRequest call = new CallRequest(context, ok.body(), ok.stream(), ok.includeUsage(), bytes.length,
                        received);
                CallOutcome result = loop.call(call, route, channel);
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

    private Handled failed(HttpClientChannel channel, Failure failure, String model) {
        channel.fail(failure);
        metrics.rejected(failureName(failure));
        return new Handled(failureName(failure), model, "-");
    }

    private static String failureName(Failure failure) {
        return failure instanceof Failure.Upstream upstream ? "upstream_" + upstream.errorClass().id()
                : failure.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The virtual key from {@code Authorization: Bearer} or {@code x-api-key}; null when neither is sent. */
    static String presentedKey(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return request.getHeaders().get("x-api-key");
    }
}
