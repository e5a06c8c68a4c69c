package dev.gapwise.gateway.telemetry;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.call.RequestContext;
import dev.gapwise.gateway.price.PricedAttempt;
import dev.gapwise.gateway.route.RoutePlan;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.function.BiConsumer;

/**
 * What one request reports to its trace, in order: received, routed, then per attempt sending → answered or
 * streamed → attempted, and finished. The ingress binds the request's trace to {@link #CURRENT} while it serves
 * it; code deeper in the call path reports to {@link #current()}, a no-op when no trace is bound (telemetry off).
 * Confined to the request's thread.
 */
public sealed interface RequestTrace permits RequestTrace.None, SpanTrace {
    /** The trace of the request this thread is serving. */
    ScopedValue<RequestTrace> CURRENT = ScopedValue.newInstance();

    /** The trace bound to this thread, or {@link None#INSTANCE}. */
    static RequestTrace current() {
        return CURRENT.orElse(None.INSTANCE);
    }

    /** The request parsed: its body in the client's dialect. */
    void received(JsonNode body, boolean stream);

    /** The route was planned. */
    void routed(RequestContext context, RoutePlan.Route route);

    /**
     * An attempt is about to be sent.
     *
     * @param headers receives the headers that carry the trace context upstream ({@code traceparent})
     */
    void sending(int number, Deployment deployment, URI endpoint, BiConsumer<String, String> headers);

    /** A complete (non-streamed) upstream answer, in the upstream's dialect. */
    void answered(DialectKind upstream, JsonNode answer);

    /** One streamed upstream event's JSON (null for non-JSON data), in the upstream's dialect. */
    void streamed(DialectKind upstream, JsonNode event);

    /** An attempt ended, priced. */
    void attempted(PricedAttempt attempt);

    /** The request is answered (or failed) with this HTTP status and outcome ("ok", a failure's name). */
    void finished(int status, String outcome);

    /** No trace: every report is ignored. */
    enum None implements RequestTrace {
        INSTANCE;

        @Override
        public void received(JsonNode body, boolean stream) {
        }

        @Override
        public void routed(RequestContext context, RoutePlan.Route route) {
        }

        @Override
        public void sending(int number, Deployment deployment, URI endpoint, BiConsumer<String, String> headers) {
        }

        @Override
        public void answered(DialectKind upstream, JsonNode answer) {
        }

        @Override
        public void streamed(DialectKind upstream, JsonNode event) {
        }

        @Override
        public void attempted(PricedAttempt attempt) {
        }

        @Override
        public void finished(int status, String outcome) {
        }
    }
}
