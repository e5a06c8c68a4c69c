package dev.gapwise.gateway.spend;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One window of a budget period: a calendar day or month in the budget's time zone, or the whole lifetime.
 *
 * @param label e.g. {@code 2026-11-22}, {@code 2026-11} or {@code lifetime}; names the window's counter
 * @param start when the window opened ({@link Instant#EPOCH} for the lifetime)
 * @param end   when it resets; empty for the lifetime
 */
public record Window(String label, Instant start, Optional<Instant> end) {
    public Window {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
