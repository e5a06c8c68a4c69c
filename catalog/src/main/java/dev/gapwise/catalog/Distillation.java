package dev.gapwise.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a deployment's provider lets its customers train other models on its answers (distillation), and where
 * the terms say so. Only {@link Terms#ALLOWED} answers may ever leave the gateway as a training set; a deployment
 * nobody has checked is {@link Terms#UNKNOWN}, which exports treat like disallowed.
 *
 * @param terms  allowed, disallowed or unknown
 * @param source the terms' address and the clause, or why they are unknown
 */
public record Distillation(Terms terms, String source) {
    /** What a deployment whose terms nobody has checked carries. */
    public static final Distillation UNKNOWN = new Distillation(Terms.UNKNOWN, "not checked");

    public Distillation {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(source, "source");
    }

    /** The three answers a provider's terms can give. */
    public enum Terms {
        /** The terms let customers train their own models on the outputs. */
        ALLOWED,
        /** The terms forbid training (competing) models on the outputs. */
        DISALLOWED,
        /** Not checked, or the terms do not say. */
        UNKNOWN;

        /** Parses {@code allowed}, {@code disallowed} or {@code unknown} (any case). */
        public static Optional<Terms> parse(String text) {
            for (Terms terms : values()) {
                if (terms.name().equalsIgnoreCase(text.strip())) {
                    return Optional.of(terms);
                }
            }
            return Optional.empty();
        }

        /** The lower-case name used in data files and reports. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
