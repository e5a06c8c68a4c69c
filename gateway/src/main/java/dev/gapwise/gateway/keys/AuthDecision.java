package dev.gapwise.gateway.keys;

import java.util.Optional;

/** Whether a request may proceed, and as whom. */
public sealed interface AuthDecision {
    /** Allowed; {@code identity} is empty when auth is off. */
    record Allowed(Optional<KeyIdentity> identity) implements AuthDecision {
    }

    /** Refused; the message never repeats the presented key. */
    record Denied(String message) implements AuthDecision {
    }
}
