package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.dialect.WireDialect;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ingress knows about a routed request, handed to the shadow tap.
 *
 * @param requestId  the request's id
 * @param receivedAt when it arrived
 * @param keyId      the virtual key's id, when there is one
 * @param keyName    the virtual key's name, when there is one
 * @param tier       the risk tier the route was decided for
 * @param task       the task label: {@code x-gapwise-task} or {@code metadata.task}, else {@value #UNLABELLED}
 * @param ingress    the client's dialect
 * @param body       the parsed request body (not copied unless the request is sampled)
 */
public record ShadowFacts(String requestId, Instant receivedAt, Optional<String> keyId, Optional<String> keyName,
                          String tier, String task, WireDialect ingress, ObjectNode body) {
    /** The task label of a request that carries none. */
    public static final String UNLABELLED = "unlabelled";
    /** The header naming a request's task. */
    public static final String TASK_HEADER = "x-gapwise-task";

    public ShadowFacts {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(ingress, "ingress");
        Objects.requireNonNull(body, "body");
    }

    /**
     * The task label from the header, else the body's {@code metadata.task}, else {@value #UNLABELLED}: at most 100
     * characters, each outside letters, digits and {@code . _ : / -} replaced by {@code -}.
     */
    public static String task(String header, ObjectNode body) {
        String raw = header != null && !header.isBlank() ? header : body.path("metadata").path("task").asString("");
        String stripped = raw.strip();
        if (stripped.isEmpty()) {
            return UNLABELLED;
        }
        StringBuilder clean = new StringBuilder(Math.min(stripped.length(), 100));
        for (int i = 0; i < stripped.length() && clean.length() < 100; i++) {
            char c = stripped.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '/' || c == '-';
            clean.append(kept ? c : '-');
        }
        return clean.toString();
    }
}
