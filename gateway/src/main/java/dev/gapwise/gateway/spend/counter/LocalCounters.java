package dev.gapwise.gateway.spend.counter;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The counters of one process, in memory: the embedded default. Every operation runs under one lock, so admissions
 * are exact however many requests run at once; the arithmetic is {@code admit.lua}'s. Expired reservations are
 * reclaimed when their counter is next used; counters of past windows are dropped when their window ends.
 * Thread-safe.
 */
public final class LocalCounters implements Counters {
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Window> windows = new HashMap<>();
    private final Map<String, Double> tats = new HashMap<>();
    private final Set<String> settled = new HashSet<>();

    /** One budget window: spend, and the reservations still open with their expiry. */
    private static final class Window {
        final Optional<Instant> end;
        long spent;
        long reserved;
        final Map<String, long[]> reservations = new HashMap<>();

        Window(long spent, Optional<Instant> end) {
            this.spent = spent;
            this.end = end;
        }

        void purge(long nowMillis) {
            for (Iterator<long[]> it = reservations.values().iterator(); it.hasNext(); ) {
                long[] reservation = it.next();
                if (reservation[1] <= nowMillis) {
                    reserved -= reservation[0];
                    it.remove();
                }
            }
        }
    }

    public LocalCounters(InstantSource clock) {
        this.clock = clock;
    }

    private double nowMicros() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000.0 + now.getNano() / 1_000;
    }

    @Override
    public Admission admit(Charge charge) {
        lock.lock();
        try {
            Instant now = clock.instant();
            double micros = nowMicros();
            dropEnded(now);
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < charge.budgets().size(); i++) {
                if (!windows.containsKey(charge.budgets().get(i).counter())) {
                    missing.add(i);
                }
            }
            if (!missing.isEmpty()) {
                return new Admission.Unseeded(missing);
            }
            for (int i = 0; i < charge.budgets().size(); i++) {
                BudgetCharge budget = charge.budgets().get(i);
                Window window = windows.get(budget.counter());
                window.purge(now.toEpochMilli());
                boolean fits = budget.hard()
                        ? window.spent + window.reserved + budget.amountNanos() <= budget.limitNanos()
                        : window.spent < budget.limitNanos();
                if (!fits) {
                    return new Admission.OverBudget(i, new Level(window.spent, window.reserved));
                }
            }
            List<LimitLevel> levels = new ArrayList<>();
            int worst = -1;
            long longest = -1;
            for (int j = 0; j < charge.limits().size(); j++) {
                LimitCharge limit = charge.limits().get(j);
                if (!Gcra.possible(limit, limit.cost())) {
                    return new Admission.Oversized(j);
                }
                double tat = tats.getOrDefault(limit.counter(), micros);
                double next = Gcra.after(tat, micros, limit, limit.cost());
                levels.add(Gcra.level(Math.max(tat, micros), micros, limit));
                if (!Gcra.fits(next, micros, limit) && Gcra.wait(next, micros, limit) > longest) {
                    longest = Gcra.wait(next, micros, limit);
                    worst = j;
                }
            }
            if (worst >= 0) {
                return new Admission.Throttled(worst, longest, levels);
            }
            List<Level> budgets = new ArrayList<>();
            for (BudgetCharge budget : charge.budgets()) {
                Window window = windows.get(budget.counter());
                window.reserved += budget.amountNanos();
                window.reservations.merge(charge.reservationId(), new long[] {budget.amountNanos(),
                        now.plus(charge.ttl()).toEpochMilli()}, (a, b) -> new long[] {a[0] + b[0], b[1]});
                budgets.add(new Level(window.spent, window.reserved));
            }
            levels.clear();
            for (LimitCharge limit : charge.limits()) {
                double next = Gcra.after(tats.getOrDefault(limit.counter(), micros), micros, limit, limit.cost());
                tats.put(limit.counter(), next);
                levels.add(Gcra.level(next, micros, limit));
            }
            return new Admission.Admitted(budgets, levels);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Settlement settle(Settle settle) {
        lock.lock();
        try {
            List<Long> after = new ArrayList<>();
            if (!settled.add(settle.reservationId())) {
                return new Settlement.Done(after);
            }
            if (settled.size() > 100_000) {
                settled.clear();
                settled.add(settle.reservationId());
            }
            for (BudgetSettle budget : settle.budgets()) {
                Window window = windows.get(budget.counter());
                if (window == null) {
                    after.add(-1L);
                    continue;
                }
                long[] reservation = window.reservations.remove(settle.reservationId());
                if (reservation != null) {
                    window.reserved -= reservation[0];
                }
                window.spent += budget.actualNanos();
                after.add(window.spent);
            }
            double micros = nowMicros();
            for (LimitCharge limit : settle.limits()) {
                Double tat = tats.get(limit.counter());
                if (tat != null) {
                    tats.put(limit.counter(), Math.max(micros, tat - limit.cost() * limit.emissionMicros()));
                }
            }
            return new Settlement.Done(after);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Settlement seed(String counter, long spentNanos, Optional<Instant> windowEnd) {
        lock.lock();
        try {
            windows.putIfAbsent(counter, new Window(spentNanos, windowEnd));
            return new Settlement.Done(List.of(windows.get(counter).spent));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Peek peek(List<String> counters) {
        lock.lock();
        try {
            long now = clock.millis();
            List<Optional<Level>> levels = new ArrayList<>();
            for (String counter : counters) {
                Window window = windows.get(counter);
                if (window != null) {
                    window.purge(now);
                }
                levels.add(Optional.ofNullable(window).map(w -> new Level(w.spent, w.reserved)));
            }
            return new Peek.Levels(levels);
        } finally {
            lock.unlock();
        }
    }

    /** Drops the counters of windows that ended a day ago (a late settle of them is lost with them). */
    private void dropEnded(Instant now) {
        if (windows.size() > 1_000) {
            Instant horizon = now.minus(1, ChronoUnit.DAYS);
            windows.values().removeIf(w -> w.end.isPresent() && w.end.get().isBefore(horizon));
        }
    }

    @Override
    public String describe() {
        return "in memory (this process only)";
    }

    @Override
    public void close() {
    }
}
