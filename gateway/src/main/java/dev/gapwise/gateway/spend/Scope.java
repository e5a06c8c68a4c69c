package dev.gapwise.gateway.spend;

import java.util.Locale;
import java.util.Optional;

/** Whose spend or traffic a budget or a rate limit counts. */
public enum Scope {
    /** One virtual key. */
    KEY,
    /** A team: a named group of keys. */
    TEAM,
    /** One deployment, whoever calls it (rate limits only). */
    DEPLOYMENT;

    /** The lower-case name used in the database, headers and bodies. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> parse(String text) {
        for (Scope scope : values()) {
            if (scope.id().equals(text)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
