package dev.gapwise.gap;

import dev.gapwise.catalog.Model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One model's score, dated by the model's release.
 *
 * @param model the model
 * @param date  its public release date
 * @param value its score on the series' benchmark, in the benchmark's own units
 */
public record Observation(Model model, LocalDate date, double value) {
    public Observation {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(date, "date");
    }

    /** The model's display name. */
    public String name() {
        return model.name();
    }
}
