package dev.gapwise.gateway.call;

import dev.gapwise.gateway.dialect.WireDialect;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who asked for what: the facts of a request shared by all its attempts.
 *
 * @param requestId      unique id, returned as {@code x-gapwise-request-id}
 * @param receivedAt     when the request arrived
 * @param keyId          the virtual key's id (never the key), empty when auth is off
 * @param ingress        the dialect the client speaks
 * @param requestedModel the model the client sent
 * @param tier           the risk tier the route was decided for
 * @param decision       every reason of the routing decision, for the ledger ("" when there were none)
 * @param team           the team of the key, when it belongs to one
 */
public record RequestContext(String requestId, Instant receivedAt, Optional<String> keyId, WireDialect ingress,
                             String requestedModel, String tier, String decision, Optional<String> team) {
    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ingress, "ingress");
        Objects.requireNonNull(requestedModel, "requestedModel");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(team, "team");
    }

    /** A request of a key that belongs to no team. */
    public RequestContext(String requestId, Instant receivedAt, Optional<String> keyId, WireDialect ingress,
                          String requestedModel, String tier, String decision) {
        this(requestId, receivedAt, keyId, ingress, requestedModel, tier, decision, Optional.empty());
    }
}
