package dev.gapwise.gateway.ingress;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.call.CallLoop;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.metrics.GatewayMetrics;
import dev.gapwise.gateway.route.RoutePlanner;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;

import java.time.InstantSource;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Builds the handler tree: one handler per endpoint, an OpenAI-dialect 404 for anything else. */
public final class Ingress {
    private Ingress() {
    }

    /** The root handler for the gateway's endpoints. */
    public static Handler handler(int maxBodyBytes, VirtualKeys keys, RoutePlanner planner, CallLoop loop,
                                  GatewayMetrics metrics, InstantSource clock, List<Deployment> callable,
                                  BooleanSupplier ready) {
        RequestIds ids = new RequestIds();
        PathMappingsHandler paths = new PathMappingsHandler();
        paths.addMapping(PathSpec.from("/v1/chat/completions"), new ChatHandler(Dialect.OPENAI, "chat_completions",
                maxBodyBytes, keys, planner, loop, metrics, clock, ids));
        paths.addMapping(PathSpec.from("/v1/messages"), new ChatHandler(Dialect.ANTHROPIC, "messages",
                maxBodyBytes, keys, planner, loop, metrics, clock, ids));
        paths.addMapping(PathSpec.from("/v1/models"), new ModelsHandler(callable));
        paths.addMapping(PathSpec.from("/healthz"), new TextHandler(() ->
                new TextHandler.Answer(200, "application/json", "{\"status\":\"ok\"}")));
        paths.addMapping(PathSpec.from("/readyz"), new TextHandler(() -> ready.getAsBoolean()
                ? new TextHandler.Answer(200, "application/json", "{\"status\":\"ready\"}")
                : new TextHandler.Answer(503, "application/json", "{\"status\":\"not ready\"}")));
        paths.addMapping(PathSpec.from("/metrics"), new TextHandler(() ->
                new TextHandler.Answer(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())));
        paths.addMapping(PathSpec.from("/"), new NotFound());
        return paths;
    }

    /** Unknown paths: 404 with an OpenAI-style error body. */
    private static final class NotFound extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            new HttpClientChannel(response, callback, request.getHttpURI().getPath().startsWith("/v1/messages")
                    ? Dialect.ANTHROPIC : Dialect.OPENAI)
                    .fail(new Failure.NotFound("no such endpoint: " + request.getMethod() + " "
                            + request.getHttpURI().getPath()));
            return true;
        }
    }
}
