package dev.gapwise.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which data a number was computed from: every reported lag and gap names its snapshot.
 *
 * @param name   short name, e.g. "Epoch AI Benchmarking Hub"
 * @param date   the date the data describes (export or snapshot date)
 * @param origin where it was read from (a file or folder, or "bundled")
 */
public record DataSnapshot(String name, LocalDate date, String origin) {
    public DataSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(origin, "origin");
    }

    /** "Epoch AI Benchmarking Hub (2026-04-17)". */
    public String label() {
        return name + " (" + date + ")";
    }
}
