package dev.gapwise.routing.lab.corpus;

import java.util.Locale;

/** The domain a request's stakes lie in (high-stakes rows), or the one it mentions (routine rows). */
public enum Domain {
    MEDICAL, LEGAL, FINANCIAL, OTHER;

    /** The lower-case name used in files and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The risk model's class for a high-stakes request in this domain ("routine" for OTHER). */
    public String riskClass() {
        return this == OTHER ? "routine" : id();
    }

    /** Parses a file value; unknown values are an error naming them. */
    public static Domain parse(String value) {
        for (Domain domain : values()) {
            if (domain.id().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return domain;
            }
        }
        throw new IllegalArgumentException("unknown domain '" + value + "' (medical, legal, financial, other)");
    }
}
