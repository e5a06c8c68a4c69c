package dev.gapwise.gateway.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may read the gateway's non-chat endpoints once keys are in use ({@code auth: required}, or {@code auto} after
 * a key was created); before that, and under {@code auth: none}, they are open like everything else. {@code
 * /healthz} is always open (it says nothing but "alive").
 *
 * @param metrics  {@code /metrics} (spend by deployment): the admin key by default
 * @param models   {@code /v1/models}: any active virtual key by default
 * @param readyz   {@code /readyz}: any active virtual key by default; {@code open} for probes that send no key
 * @param adminKey the environment variable holding the admin key
 */
public record EndpointAccess(Access metrics, Access models, Access readyz, Optional<SecretRef> adminKey) {
    public static final EndpointAccess DEFAULT = new EndpointAccess(Access.ADMIN, Access.KEY, Access.KEY, Optional.empty());

    /** Who may read an endpoint. */
    public enum Access {
        /** Only the admin key. */
        ADMIN,
        /** Any active virtual key, or the admin key. */
        KEY,
        /** Anyone. */
        OPEN
    }

    public EndpointAccess {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(readyz, "readyz");
        Objects.requireNonNull(adminKey, "adminKey");
    }
}
