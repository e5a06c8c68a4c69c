package dev.gapwise.gateway.config;

/** Whether clients must present a virtual key. */
public enum AuthMode {
    /** Keys are required as soon as one exists; with none, only loopback listening is allowed. */
    AUTO,
    /** Every request needs a valid key, even before any key exists. */
    REQUIRED,
    /** No key is checked; must be written explicitly to listen on a non-loopback address. */
    NONE
}
