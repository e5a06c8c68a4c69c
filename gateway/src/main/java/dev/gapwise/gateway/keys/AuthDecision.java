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

    /** Keys cannot be checked (the key snapshot never loaded): refused, failing closed; the message says why. */
    record Unavailable(String message) implements AuthDecision {
    }
}
