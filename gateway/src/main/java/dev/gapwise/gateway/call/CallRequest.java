package dev.gapwise.gateway.call;

import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated client request, ready to call.
 *
 * @param context          who asked for what
 * @param body             the request in the client's dialect
 * @param stream           the client asked for a stream
 * @param clientWantsUsage the (OpenAI) client asked for the usage chunk
 * @param promptCharacters size of the request, for token estimates when the provider reports none
 * @param receivedNanos    {@link System#nanoTime()} when the request arrived, for the overhead measure
 * @param cancellation     how the edge stops the call (client gone, shutdown)
 * @param clientHeaders    the client's headers its dialect forwards to an upstream of the same dialect (lower-case
 *                         names, e.g. {@code anthropic-beta})
 * @param bodyAsSent       {@code body}'s bytes exactly as the client sent them, when the gateway has them: an
 *                         upstream of the client's dialect gets these with only its model edited in
 */
public record CallRequest(RequestContext context, ObjectNode body, boolean stream, boolean clientWantsUsage,
                          long promptCharacters, long receivedNanos, Cancellation cancellation,
                          Map<String, String> clientHeaders, Optional<byte[]> bodyAsSent) {
    public CallRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(bodyAsSent, "bodyAsSent");
        clientHeaders = Map.copyOf(clientHeaders);
    }

    /** A request whose bytes as sent are not at hand. */
    public CallRequest(RequestContext context, ObjectNode body, boolean stream, boolean clientWantsUsage,
                       long promptCharacters, long receivedNanos, Cancellation cancellation,
                       Map<String, String> clientHeaders) {
        this(context, body, stream, clientWantsUsage, promptCharacters, receivedNanos, cancellation, clientHeaders,
                Optional.empty());
    }

    /** A request with no headers to forward. */
    public CallRequest(RequestContext context, ObjectNode body, boolean stream, boolean clientWantsUsage,
                       long promptCharacters, long receivedNanos, Cancellation cancellation) {
        this(context, body, stream, clientWantsUsage, promptCharacters, receivedNanos, cancellation, Map.of());
    }
}
