package dev.gapwise.routing;

import java.util.Locale;
import java.util.Optional;

/** How hard a request is, from its text and its shape (length, code, turns, tools). */
public enum Complexity {
    LOW, MEDIUM, HIGH;

    /** The lower-case name used in policies and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses low / medium / high in any case. */
    public static Optional<Complexity> parse(String text) {
        for (Complexity complexity : values()) {
            if (complexity.id().equalsIgnoreCase(text.strip())) {
                return Optional.of(complexity);
            }
        }
        return Optional.empty();
    }

    /** The harder of the two. */
    public Complexity atLeast(Complexity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
