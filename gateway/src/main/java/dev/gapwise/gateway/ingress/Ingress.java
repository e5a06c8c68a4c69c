package dev.gapwise.gateway.ingress;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.call.CallLoop;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.config.EndpointAccess;
import dev.gapwise.gateway.config.ServerConfig;
import dev.gapwise.gateway.dialect.responses.ResponseStore;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.metrics.GatewayMetrics;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.route.RoutePlanner;
import dev.gapwise.gateway.shadow.Feedbacks;
import dev.gapwise.gateway.shadow.ShadowTap;
import dev.gapwise.gateway.spend.Budgets;
import dev.gapwise.gateway.telemetry.Telemetry;
import dev.gapwise.gateway.text.Redactor;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the handler tree: one handler per endpoint, an OpenAI-dialect 404 for anything else. */
public final class Ingress {
    /**
     * How long a chat call runs before its client connection is watched for a hang-up: calls that end sooner
     * never touch the selector for it; a client that leaves a longer call is noticed at most this much later.
     */
    static final java.time.Duration HANG_UP_GRACE = java.time.Duration.ofMillis(50);

    private Ingress() {
    }

    /**
     * What the endpoints are built from.
     *
     * @param server    limits (body size, in-flight bytes, body deadline)
     * @param access    who may read /metrics, /v1/models and /readyz once keys are in use
     * @param adminKey  the admin key's value, when one is configured
     * @param keys      the virtual keys
     * @param planner   the router
     * @param loop      the retry/fallback loop
     * @param metrics   the meters
     * @param clock     time
     * @param callable  the deployments, for /v1/models
     * @param readiness what /readyz answers
     * @param inFlight  the calls in flight, for shutdown
     * @param redactor  removes credentials from error text
     * @param budgets   budget-aware routing and what a key may read of its own usage
     * @param telemetry each chat request's spans (or nothing, when off)
     * @param shadow    shadow evaluation: handed each routed request, acts only on sampled ones after the answer
     * @param feedback  where {@code POST /v1/gapwise/feedback} stores a user's verdict on an answer
     * @param responses the stored responses of the Responses API (empty: none are kept)
     */
    public record Parts(ServerConfig server, EndpointAccess access, Optional<String> adminKey, VirtualKeys keys,
                        RoutePlanner planner, CallLoop loop, GatewayMetrics metrics, InstantSource clock,
                        List<Deployment> callable, Supplier<Readiness> readiness, InFlight inFlight, Redactor redactor,
                        Budgets budgets, Telemetry telemetry, ShadowTap shadow, Feedbacks feedback,
                        Optional<ResponseStore> responses) {
        public Parts {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(adminKey, "adminKey");
            Objects.requireNonNull(readiness, "readiness");
            Objects.requireNonNull(inFlight, "inFlight");
            Objects.requireNonNull(redactor, "redactor");
            Objects.requireNonNull(budgets, "budgets");
            Objects.requireNonNull(telemetry, "telemetry");
            Objects.requireNonNull(shadow, "shadow");
            Objects.requireNonNull(feedback, "feedback");
            Objects.requireNonNull(responses, "responses");
            callable = List.copyOf(callable);
        }

        /** The parts of a gateway without stored responses. */
        public Parts(ServerConfig server, EndpointAccess access, Optional<String> adminKey, VirtualKeys keys,
                     RoutePlanner planner, CallLoop loop, GatewayMetrics metrics, InstantSource clock,
                     List<Deployment> callable, Supplier<Readiness> readiness, InFlight inFlight, Redactor redactor,
                     Budgets budgets, Telemetry telemetry, ShadowTap shadow, Feedbacks feedback) {
            this(server, access, adminKey, keys, planner, loop, metrics, clock, callable, readiness, inFlight, redactor,
                    budgets, telemetry, shadow, feedback, Optional.empty());
        }

        /** The parts of a gateway without shadow evaluation or stored responses. */
        public Parts(ServerConfig server, EndpointAccess access, Optional<String> adminKey, VirtualKeys keys,
                     RoutePlanner planner, CallLoop loop, GatewayMetrics metrics, InstantSource clock,
                     List<Deployment> callable, Supplier<Readiness> readiness, InFlight inFlight, Redactor redactor,
                     Budgets budgets, Telemetry telemetry) {
            this(server, access, adminKey, keys, planner, loop, metrics, clock, callable, readiness, inFlight, redactor,
                    budgets, telemetry, ShadowTap.NONE, Feedbacks.NONE, Optional.empty());
        }

        /** The parts of a gateway without telemetry. */
        public Parts(ServerConfig server, EndpointAccess access, Optional<String> adminKey, VirtualKeys keys,
                     RoutePlanner planner, CallLoop loop, GatewayMetrics metrics, InstantSource clock,
                     List<Deployment> callable, Supplier<Readiness> readiness, InFlight inFlight, Redactor redactor,
                     Budgets budgets) {
            this(server, access, adminKey, keys, planner, loop, metrics, clock, callable, readiness, inFlight, redactor,
                    budgets, Telemetry.Off.INSTANCE, ShadowTap.NONE, Feedbacks.NONE, Optional.empty());
        }
    }

    /**
     * What {@code /v1/embeddings} is served by.
     *
     * @param planner routes over the embedding deployments
     * @param loop    the retry/fallback loop over their targets
     */
    public record Embeddings(RoutePlanner planner, CallLoop loop) {
        public Embeddings {
            Objects.requireNonNull(planner, "planner");
            Objects.requireNonNull(loop, "loop");
        }
    }

    /** The root handler for the gateway's endpoints, {@code /v1/embeddings} answering that none is available. */
    public static Handler handler(Parts parts) {
        return handler(parts, new Embeddings(request -> new dev.gapwise.gateway.route.RoutePlan.NoDeployment(
                "this gateway serves no embeddings"), parts.loop()));
    }

    /** The root handler for the gateway's endpoints. */
    public static Handler handler(Parts parts, Embeddings embeddings) {
        RequestIds ids = new RequestIds();
        BodyBudget budget = new BodyBudget(parts.server().inflightBodyBudget());
        IngressJson json = new IngressJson(parts.server().maxBodyBytes());
        HangUpSweeper hangUps = new HangUpSweeper(HANG_UP_GRACE);
        EndpointGuard guard = new EndpointGuard(parts.keys(), parts.adminKey());
        parts.metrics().inflightBodies(budget::used);
        PathMappingsHandler paths = new PathMappingsHandler();
        for (DialectKind kind : DialectKind.values()) {
            WireDialect dialect = Dialects.of(kind);
            ChatHandler handler = new ChatHandler(dialect, parts, ids, budget, json, hangUps);
            dialect.ingress().paths().forEach(path -> paths.addMapping(PathSpec.from(path), handler));
            dialect.ingress().countTokensPath().ifPresent(path -> paths.addMapping(PathSpec.from(path),
                    new ChatHandler(dialect, true, parts, ids, budget, json, hangUps)));
        }
        paths.addMapping(PathSpec.from("/v1/embeddings"), new EmbeddingsHandler(parts, embeddings, ids, budget, json));
        paths.addMapping(PathSpec.from("/v1/responses"), new ChatHandler(Dialects.of(DialectKind.OPENAI), "responses",
                false, parts, ids, budget, json, new ResponsesFront(parts.responses(), parts.clock()), hangUps));
        paths.addMapping(PathSpec.from("/v1/responses/*"), new StoredResponsesHandler(parts.keys(), parts.responses()));
        ModelsHandler models = new ModelsHandler(parts.callable());
        paths.addMapping(PathSpec.from("/v1/models"), new TextHandler("/v1/models", parts.access().models(), guard,
                models));
        paths.addMapping(PathSpec.from("/v1beta/models"), new TextHandler("/v1beta/models", parts.access().models(),
                guard, models));
        paths.addMapping(PathSpec.from("/v1/gapwise/usage"), new TextHandler("/v1/gapwise/usage",
                EndpointAccess.Access.OPEN, guard, new UsageHandler(parts.keys(), parts.budgets())));
        paths.addMapping(PathSpec.from("/v1/gapwise/feedback"), new FeedbackHandler(parts, budget));
        paths.addMapping(PathSpec.from("/healthz"), new TextHandler("/healthz", EndpointAccess.Access.OPEN, guard,
                request -> new TextHandler.Answer(200, "application/json", "{\"status\":\"ok\"}")));
        paths.addMapping(PathSpec.from("/readyz"), new TextHandler("/readyz", parts.access().readyz(), guard,
                request -> {
                    Readiness readiness = parts.readiness().get();
                    return new TextHandler.Answer(readiness.status().httpStatus(), "application/json",
                            Json.bytes(Json.object().put("status", readiness.status().id())
                                    .setAll(readiness.details())));
                }));
        paths.addMapping(PathSpec.from("/metrics"), new TextHandler("/metrics", parts.access().metrics(), guard,
                request -> new TextHandler.Answer(200, "text/plain; version=0.0.4; charset=utf-8",
                        parts.metrics().scrape())));
        paths.addMapping(PathSpec.from("/"), new NotFound());
        return paths;
    }

    /** The error handler for refusals made by the HTTP layer itself, in the dialect's JSON. */
    public static ErrorHandler errorHandler() {
        return new DialectErrorHandler();
    }

    /** Unknown paths: 404 with an OpenAI-style error body. */
    private static final class NotFound extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            new HttpClientChannel(response, callback,
                    Dialects.forRequest(request.getHttpURI().getPath(), request.getHeaders()), Redactor.shapesOnly())
                    .fail(new Failure.NotFound("no such endpoint: " + request.getMethod() + " "
                            + dev.gapwise.gateway.text.CleanText.of(request.getHttpURI().getPath(), 200)));
            return true;
        }
    }
}
