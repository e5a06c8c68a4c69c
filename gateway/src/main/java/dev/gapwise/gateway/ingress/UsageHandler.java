package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.keys.AuthDecision;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.spend.Budgets;
import org.eclipse.jetty.server.Request;

import java.util.function.Function;

/**
 * {@code GET /v1/gapwise/usage}: the presenting key's own budgets (spent, reserved, left, when each window resets)
 * and rate limits (left now, time to full), read with the key itself — no admin rights, and nothing of any other
 * key. While keys are not in use it says so. Thread-safe.
 */
final class UsageHandler implements Function<Request, TextHandler.Answer> {
    private final VirtualKeys keys;
    private final Budgets budgets;

    UsageHandler(VirtualKeys keys, Budgets budgets) {
        this.keys = keys;
        this.budgets = budgets;
    }

    @Override
    public TextHandler.Answer apply(Request request) {
        WireDialect dialect = Dialects.forRequest(request.getHttpURI().getPath(), request.getHeaders());
        return switch (keys.check(EndpointGuard.presentedKey(request))) {
            case AuthDecision.Denied denied -> refusal(new Failure.Unauthorized(denied.message()), dialect);
            case AuthDecision.Unavailable unavailable -> refusal(new Failure.KeysUnavailable(unavailable.message()), dialect);
            case AuthDecision.Allowed allowed -> allowed.identity()
                    .map(identity -> new TextHandler.Answer(200, "application/json",
                            Json.bytes(budgets.usage(identity.id(), identity.name()))))
                    .orElseGet(() -> new TextHandler.Answer(200, "application/json", Json.bytes(Json.object()
                            .putNull("key").put("note", "keys are not in use: there are no per-key budgets or limits")
                            .set("budgets", Json.MAPPER.createArrayNode()))));
        };
    }

    private static TextHandler.Answer refusal(Failure failure, WireDialect dialect) {
        ErrorResponses.Rendered rendered = ErrorResponses.render(failure);
        return new TextHandler.Answer(rendered.status(), "application/json", Json.bytes(rendered.body(dialect)));
    }
}
