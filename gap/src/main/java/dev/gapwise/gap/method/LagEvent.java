package dev.gapwise.gap.method;

import dev.gapwise.gap.Observation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One catch-up: the follower model that reached what the leader model had reached, and how many months
 * later.
 *
 * @param leader   the leader's record (the model that first set the level)
 * @param follower the follower's record that caught up
 * @param months   follower date - leader date, in months
 * @param level    the score level, for threshold methods; empty for record-by-record catch-up
 */
public record LagEvent(Observation leader, Observation follower, double months, OptionalDouble level) {
    public LagEvent {
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(follower, "follower");
        Objects.requireNonNull(level, "level");
    }

    /** When the catch-up happened: the follower's release. */
    public LocalDate date() {
        return follower.date();
    }
}
