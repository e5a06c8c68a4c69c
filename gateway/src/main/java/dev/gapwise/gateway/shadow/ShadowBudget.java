package dev.gapwise.gateway.shadow;

import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The daily shadow budget in nano-USD: a call reserves its worst case before it is sent and settles to its real
 * cost when it ends, so spent plus reserved never exceeds the day's budget, however many calls run at once. A new
 * UTC day starts from what the store says was spent that day (zero, or what this or an earlier process wrote).
 * Thread-safe.
 */
final class ShadowBudget {
    private final long budgetNanos;
    private final InstantSource clock;
    private LocalDate day;
    private long spent;
    private long reserved;

    ShadowBudget(long budgetNanos, InstantSource clock, LocalDate day, long spentToday) {
        this.budgetNanos = budgetNanos;
        this.clock = clock;
        this.day = day;
        this.spent = spentToday;
    }

    /** A reservation, or null when the worst case does not fit today's budget. */
    synchronized Reservation reserve(long worstCaseNanos) {
        roll();
        if (worstCaseNanos < 0 || spent + reserved + worstCaseNanos > budgetNanos) {
            return null;
        }
        reserved += worstCaseNanos;
        return new Reservation(day, worstCaseNanos);
    }

    /** Ends a reservation with the call's real cost (which may exceed the estimate only if usage was implausible). */
    synchronized void settle(Reservation reservation, long costNanos) {
        roll();
        if (reservation.day().equals(day)) {
            reserved -= reservation.nanos();
            spent += costNanos;
        }
    }

    /** Spent today, reservations excluded. */
    synchronized long spentToday() {
        roll();
        return spent;
    }

    private void roll() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            spent = 0;
            reserved = 0;
        }
    }

    /** What one call holds until it settles. */
    record Reservation(LocalDate day, long nanos) {
    }
}
