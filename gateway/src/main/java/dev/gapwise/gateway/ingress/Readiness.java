package dev.gapwise.gateway.ingress;

import tools.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * What {@code /readyz} answers: {@code ready} (200); {@code degraded} (200: requests are served, but the
 * database is unreachable, so rows wait in the pending file and keys are the last good copy); {@code not_ready}
 * (503: the gateway cannot serve — no key snapshot ever loaded while keys may be required, the ledger writer
 * stopped, or it is shutting down).
 *
 * @param status  the verdict
 * @param details one entry per part (database, ledger, keys, shutdown), for people
 */
public record Readiness(Status status, ObjectNode details) {
    /** The verdict. */
    public enum Status {
        READY(200), DEGRADED(200), NOT_READY(503);

        private final int httpStatus;

        Status(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        int httpStatus() {
            return httpStatus;
        }

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Readiness {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(details, "details");
    }
}
