package dev.gapwise.gateway.spend.counter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared state behind budgets and rate limits: per budget window, the money spent and reserved; per rate
 * limit, a GCRA theoretical arrival time. Every operation is atomic over all the counters it names, so a request is
 * admitted against every budget and limit at once or against none. {@link LocalCounters} keeps them in memory (one
 * process); {@link RedisCounters} in Redis, shared by every instance. Expected failures (Redis down) are values.
 * Implementations are thread-safe.
 */
public interface Counters extends AutoCloseable {
    /** Reserves every budget charge and takes every limit charge, or none of them. */
    Admission admit(Charge charge);

    /** Turns a reservation into spend (the actual cost) and gives back unused tokens; idempotent by reservation id. */
    Settlement settle(Settle settle);

    /** Creates a budget window's counter with what the ledger says was spent, unless it exists already. */
    Settlement seed(String counter, long spentNanos, Optional<Instant> windowEnd);

    /** The spend and reservations of budget windows; empty entries for counters not seeded yet. */
    Peek peek(List<String> counters);

    /** Where the counters live, for logs. */
    String describe();

    @Override
    void close();

    /**
     * A reservation against one budget window.
     *
     * @param counter     the window's counter, e.g. {@code bud_1a2b:2026-11}
     * @param limitNanos  the budget
     * @param hard        hard: spent + reserved + this must fit; soft: only spent must be below the budget
     * @param amountNanos the worst case of the attempt
     * @param windowEnd   when the window resets (its counter may go then); empty for the lifetime
     */
    record BudgetCharge(String counter, long limitNanos, boolean hard, long amountNanos, Optional<Instant> windowEnd) {
        public BudgetCharge {
            Objects.requireNonNull(counter, "counter");
            Objects.requireNonNull(windowEnd, "windowEnd");
        }
    }

    /**
     * A use of one rate limit.
     *
     * @param counter      the limit's counter
     * @param amount       how many per period
     * @param periodMicros the period
     * @param cost         units this request takes (1 request, or its worst-case tokens); 0 reads the level only
     */
    record LimitCharge(String counter, long amount, long periodMicros, long cost) {
        double emissionMicros() {
            return (double) periodMicros / amount;
        }
    }

    /** Everything one attempt takes, under one reservation id that expires after {@code ttl}. */
    record Charge(String reservationId, List<BudgetCharge> budgets, List<LimitCharge> limits, Duration ttl) {
        public Charge {
            budgets = List.copyOf(budgets);
            limits = List.copyOf(limits);
        }
    }

    /** A budget window's level: spent and reserved nano-USD. */
    record Level(long spentNanos, long reservedNanos) {
    }

    /** A rate limit's level after the request: units left now, and microseconds until it is full again. */
    record LimitLevel(long remaining, long resetMicros) {
    }

    /** How an admission went. */
    sealed interface Admission {
        /** Reserved and taken; the levels include this request. */
        record Admitted(List<Level> budgets, List<LimitLevel> limits) implements Admission {
        }

        /** These budget counters (indexes into the charge) do not exist yet: seed them, then admit again. */
        record Unseeded(List<Integer> budgets) implements Admission {
        }

        /** The budget at {@code index} cannot take the charge; nothing was taken. */
        record OverBudget(int index, Level level) implements Admission {
        }

        /** The limit at {@code index} has no room for {@code retryAfterMicros}; nothing was taken. */
        record Throttled(int index, long retryAfterMicros, List<LimitLevel> limits) implements Admission {
        }

        /** The request alone takes more than the whole amount of the limit at {@code index}: it never fits. */
        record Oversized(int index) implements Admission {
        }

        /** The counters cannot be reached. */
        record Unavailable(String reason) implements Admission {
        }
    }

    /**
     * The end of a reservation.
     *
     * @param reservationId the admission's id
     * @param budgets       per budget counter, the actual cost to add to its spend
     * @param limits        per limit counter, the units to give back ({@code cost} is the refund; negative takes more)
     */
    record Settle(String reservationId, List<BudgetSettle> budgets, List<LimitCharge> limits) {
        public Settle {
            budgets = List.copyOf(budgets);
            limits = List.copyOf(limits);
        }
    }

    /** The actual cost of a reservation against one budget window. */
    record BudgetSettle(String counter, long actualNanos) {
    }

    /** How a settle or seed went. */
    sealed interface Settlement {
        /** Done; per budget counter the spend after it, or -1 when the counter does not exist (expired or lost). */
        record Done(List<Long> spentAfter) implements Settlement {
        }

        /** The counters cannot be reached; the caller keeps it and tries again. */
        record Unavailable(String reason) implements Settlement {
        }
    }

    /** Budget levels, or why they cannot be read. */
    sealed interface Peek {
        record Levels(List<Optional<Level>> levels) implements Peek {
        }

        record Unavailable(String reason) implements Peek {
        }
    }
}
