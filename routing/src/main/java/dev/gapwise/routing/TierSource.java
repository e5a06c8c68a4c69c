package dev.gapwise.routing;

/** Which source decided a request's tier, in the order they are consulted (the first that speaks wins). */
public enum TierSource {
    /** The {@code x-gapwise-tier} request header. */
    HEADER,
    /** The request's metadata key {@code gapwise_tier}. */
    METADATA,
    /** The API key's default tier. */
    API_KEY,
    /** An ordered policy rule (model alias, endpoint, system-prompt marker, metadata). */
    RULE,
    /** The risk and complexity classifiers. */
    CLASSIFIER,
    /** The policy's explicit default. */
    DEFAULT
}
