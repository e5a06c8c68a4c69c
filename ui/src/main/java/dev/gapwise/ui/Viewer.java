package dev.gapwise.ui;

/** Who is looking at the dashboard: an admin sees everything, a key holder only its own key's spend and budgets. */
public sealed interface Viewer {
    /** An admin key, the configured {@code admin_key}, or a loopback browser while auth is off. */
    record Admin(String how) implements Viewer {
    }

    /** The holder of one virtual key: the self-service view. */
    record KeyHolder(String keyId, String name) implements Viewer {
    }
}
