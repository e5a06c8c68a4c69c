package dev.gapwise.gateway.ingress;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.route.RoutePlanner;
import org.eclipse.jetty.server.Request;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * {@code GET /v1/models}: {@code auto}, every servable model and every deployment id, in the list format of the
 * caller's dialect (Anthropic's when the request carries {@code anthropic-version}, else OpenAI's). Every body is
 * built once. Immutable.
 */
final class ModelsHandler implements java.util.function.Function<Request, TextHandler.Answer> {
    private final Map<DialectKind, byte[]> bodies = new EnumMap<>(DialectKind.class);

    ModelsHandler(List<Deployment> callable) {
        SequencedMap<String, String> names = new LinkedHashMap<>();
        names.put(RoutePlanner.AUTO, "gapwise");
        for (Deployment deployment : callable) {
            names.putIfAbsent(deployment.modelId(), deployment.provider());
            names.putIfAbsent(deployment.id(), deployment.provider());
        }
        for (DialectKind kind : DialectKind.values()) {
            bodies.put(kind, Json.bytes(Dialects.of(kind).ingress().modelList(names)));
        }
    }

    @Override
    public TextHandler.Answer apply(Request request) {
        WireDialect dialect = Dialects.forRequest(request.getHttpURI().getPath(), request.getHeaders());
        return new TextHandler.Answer(200, "application/json", bodies.get(dialect.kind()));
    }
}
