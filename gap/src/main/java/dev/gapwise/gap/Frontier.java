package dev.gapwise.gap;

import dev.gapwise.catalog.Scale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The frontier of a group: F(t) = the best score among the group's models released on or before t — a
 * right-continuous step function, represented by its records (the observations that raised it).
 *
 * <p>Records are built by walking the observations in date order and keeping each one that beats the
 * running best strictly; when a later observation on the same date beats the last record, it replaces it
 * (same-date ties keep the best). The running best starts at a floor: 0 for accuracies (as Epoch's code
 * does), minus infinity otherwise. Immutable.
 */
public final class Frontier {
    private final List<Observation> records;

    private Frontier(List<Observation> records) {
        this.records = List.copyOf(records);
    }

    /** The floor a frontier of this scale starts from. */
    static double floorFor(Scale scale) {
        return scale == Scale.ACCURACY ? 0.0 : Double.NEGATIVE_INFINITY;
    }

    /** Builds the frontier of the given observations (any order) above {@code floor}. */
    public static Frontier of(List<Observation> observations, double floor) {
        List<Observation> sorted = observations.stream().sorted(Comparator.comparing(Observation::date)).toList();
        List<Observation> records = new ArrayList<>();
        double best = floor;
        for (Observation observation : sorted) {
            if (observation.value() > best) {
                best = observation.value();
                if (!records.isEmpty() && records.getLast().date().equals(observation.date())) {
                    records.set(records.size() - 1, observation);
                } else {
                    records.add(observation);
                }
            }
        }
        return new Frontier(records);
    }

    /** The record-setting observations, in date order, with strictly increasing values. */
    public List<Observation> records() {
        return records;
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    /** The date of the first record, if any. */
    public Optional<LocalDate> start() {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.getFirst().date());
    }

    /** The best value reached. */
    public OptionalDouble best() {
        return records.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(records.getLast().value());
    }

    /** F(date): the best value released on or before {@code date}; empty before the first record. */
    public OptionalDouble valueAt(LocalDate date) {
        Observation record = recordAt(date);
        return record == null ? OptionalDouble.empty() : OptionalDouble.of(record.value());
    }

    /** The record that holds the frontier on {@code date}, or null before the first record. */
    public Observation recordAt(LocalDate date) {
        Observation found = null;
        for (Observation record : records) {
            if (record.date().isAfter(date)) {
                break;
            }
            found = record;
        }
        return found;
    }

    /** The first record whose value is at least {@code level} (or strictly above it). */
    public Optional<Observation> firstReaching(double level, boolean strictlyAbove) {
        for (Observation record : records) {
            if (strictlyAbove ? record.value() > level : record.value() >= level) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    /** t(s): the first date the frontier is at least {@code level}. */
    public Optional<LocalDate> firstDateAtLeast(double level) {
        return firstReaching(level, false).map(Observation::date);
    }

    /**
     * The last date on or before {@code upTo} on which the frontier was defined and at most {@code level}:
     * the day before it first rose above the level, or {@code upTo} itself if it has not. Empty when the
     * frontier was already above the level at its first record, or starts after {@code upTo}.
     */
    public Optional<LocalDate> lastDateAtMost(double level, LocalDate upTo) {
        if (records.isEmpty() || records.getFirst().date().isAfter(upTo) || records.getFirst().value() > level) {
            return Optional.empty();
        }
        Optional<Observation> above = firstReaching(level, true);
        if (above.isEmpty() || above.get().date().isAfter(upTo)) {
            return Optional.of(upTo);
        }
        return Optional.of(above.get().date().minusDays(1));
    }
}
