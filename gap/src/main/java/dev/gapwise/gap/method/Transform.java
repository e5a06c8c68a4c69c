package dev.gapwise.gap.method;

import dev.gapwise.catalog.Scale;
import dev.gapwise.gap.Frontier;
import dev.gapwise.gap.Observation;

/**
 * The scale a method compares scores on. Accuracies are compared as s = -ln(1 - acc) ("nats of error"),
 * where a step from 90 % to 95 % counts as much as one from 0 % to 39 %; compute as log10 FLOP; indexes
 * and ratings as they are.
 */
public enum Transform {
    IDENTITY,
    NEG_LOG_ERROR,
    LOG10;

    /** The value on this scale; accuracies of 1 become infinite, non-positive compute is an error. */
    public double apply(double value) {
        return switch (this) {
            case IDENTITY -> value;
            case NEG_LOG_ERROR -> -Math.log(1 - value);
            case LOG10 -> {
                if (value <= 0) {
                    throw new IllegalArgumentException("log10 of a non-positive value " + value);
                }
                yield Math.log10(value);
            }
        };
    }

    /** The inverse of {@link #apply}. */
    public double invert(double transformed) {
        return switch (this) {
            case IDENTITY -> transformed;
            case NEG_LOG_ERROR -> 1 - Math.exp(-transformed);
            case LOG10 -> Math.pow(10, transformed);
        };
    }

    /**
     * The frontier with every record's value on this scale plus {@code shift}. Methods compare on this scale
     * instead of inverting a transformed level: 1 − exp(ln(1 − acc)) is not always acc again, and a level one
     * rounding error off a record's value misses or passes that record.
     */
    Frontier onScale(Frontier frontier, double shift) {
        return Frontier.of(frontier.records().stream()
                .map(r -> new Observation(r.model(), r.date(), apply(r.value()) + shift)).toList(),
                Double.NEGATIVE_INFINITY);
    }

    /** The smallest value on this scale: 0 nats for accuracies (a score of 0 %), minus infinity otherwise. */
    public double floor() {
        return this == NEG_LOG_ERROR ? 0.0 : Double.NEGATIVE_INFINITY;
    }

    /** The natural comparison scale for a benchmark scale. */
    public static Transform defaultFor(Scale scale) {
        return switch (scale) {
            case ACCURACY -> NEG_LOG_ERROR;
            case COMPUTE -> LOG10;
            case INDEX, RATING, OTHER -> IDENTITY;
        };
    }

    /** The default catch-up tolerance on this scale: Epoch's 0.02 nats for accuracies, none otherwise. */
    public static double defaultTolerance(Scale scale) {
        return scale == Scale.ACCURACY ? 0.02 : 0.0;
    }
}
