package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.config.EndpointAccess;
import dev.gapwise.gateway.keys.AuthDecision;
import dev.gapwise.gateway.keys.VirtualKeys;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Decides who may read {@code /metrics}, {@code /v1/models} and {@code /readyz}: anyone while keys are not in use;
 * once they are, what {@link EndpointAccess} says (the admin key, any active virtual key, or anyone). The admin key
 * is compared in constant time and never echoed. Immutable and thread-safe.
 */
final class EndpointGuard {
    private final VirtualKeys keys;
    private final Optional<byte[]> adminKey;

    EndpointGuard(VirtualKeys keys, Optional<String> adminKey) {
        this.keys = keys;
        this.adminKey = adminKey.map(key -> key.getBytes(StandardCharsets.UTF_8));
    }

    /** Why the request may not read an endpoint guarded at {@code level}, if it may not. */
    Optional<Failure> refuse(EndpointAccess.Access level, String endpoint, Request request) {
        if (level == EndpointAccess.Access.OPEN || keys.keysRequired().equals(Optional.of(false))) {
            return Optional.empty();
        }
        String presented = presentedKey(request);
        if (presented != null && isAdmin(presented)) {
            return Optional.empty();
        }
        return switch (level) {
            case OPEN -> Optional.empty();
            case ADMIN -> Optional.of(presented == null
                    ? new Failure.Unauthorized("missing admin key: " + endpoint + " needs the admin key as "
                    + "'Authorization: Bearer KEY'")
                    : new Failure.Forbidden(endpoint + " needs the admin key" + (adminKey.isEmpty()
                    ? ", and none is configured: set admin_key: ${GAPWISE_ADMIN_KEY} in gapwise.yaml, or "
                    + "endpoint_access." + endpoint.substring(1).replace("v1/", "") + ": key" : "")));
            case KEY -> switch (keys.check(presented)) {
                case AuthDecision.Allowed allowed -> Optional.empty();
                case AuthDecision.Denied denied -> Optional.of(new Failure.Unauthorized(denied.message()));
                case AuthDecision.Unavailable unavailable -> Optional.of(new Failure.KeysUnavailable(unavailable.message()));
            };
        };
    }

    private boolean isAdmin(String presented) {
        return adminKey.map(key -> MessageDigest.isEqual(key, presented.strip().getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    /** The key a request presents in {@code Authorization: Bearer} or {@code x-api-key}; null when neither is sent. */
    static String presentedKey(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String header = request.getHeaders().get("x-api-key");
        if (header == null) {
            header = request.getHeaders().get("x-goog-api-key");
        }
        return header != null ? header : queryKey(request);
    }

    /**
     * The Gemini API's {@code ?key=}: read here and nowhere else (the gateway logs paths, never query strings, and
     * sends upstream keys in headers).
     */
    private static String queryKey(Request request) {
        String query = request.getHttpURI().getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("key=")) {
                return java.net.URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
