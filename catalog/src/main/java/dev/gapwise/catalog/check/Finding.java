package dev.gapwise.catalog.check;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing a check found.
 *
 * @param severity how much it matters
 * @param subject  the row it concerns, e.g. {@code deployment deepseek-chat-v3.2} or {@code score llama-2-70b-chat mmlu}
 * @param message  what is wrong and what to do, in one sentence
 */
public record Finding(Severity severity, String subject, String message) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    /** How much a finding matters. */
    public enum Severity {
        /** Rows that contradict each other or the facts they cite; the check fails. */
        ERROR,
        /** Stale or undocumented rows; worth fixing, not wrong. */
        WARNING,
        /** Worth knowing, e.g. a region that can never satisfy a jurisdiction rule. */
        NOTE;

        /** Lower-case label. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** "error  deployment x: message". */
    public String line() {
        return String.format(Locale.ROOT, "%-7s %s: %s", severity.label(), subject, message);
    }
}
