package dev.gapwise.routing.policy;

/** A policy that cannot be used: the message names the key (e.g. {@code policy.tiers.critical.max_lag_months}), the
 * bad value and the fix. */
public final class PolicyException extends RuntimeException {
    private final String path;

    public PolicyException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    /** The dotted key that is wrong. */
    public String path() {
        return path;
    }
}
