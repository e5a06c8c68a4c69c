package dev.gapwise.gateway.spend;

import dev.gapwise.gateway.spend.counter.Counters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Settles the counters could not take (Redis down), kept in memory and retried every half second until they go
 * through, so spend made during an outage still reaches the shared windows when Redis returns (settles are
 * idempotent, so a retry after a lost reply counts once). At most {@value #MAX} are kept; beyond that the oldest
 * are dropped with an error in the log (their spend is in the ledger, and their reservations expire). Thread-safe.
 */
final class PendingSettles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PendingSettles.class);
    private static final int MAX = 100_000;
    private static final long PAUSE_MILLIS = 500;

    /** A settle that waits, with what its success reports. */
    private record Waiting(SpendGate.Hold hold, Counters.Settle settle, long actualNanos) {
    }

    /** Told of each settle that went through. */
    interface Settled {
        void settled(SpendGate.Hold hold, long actualNanos, Counters.Settlement.Done done);
    }

    private final Counters counters;
    private final Settled settled;
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Object wake = new Object();
    private final Thread retrier;
    private volatile boolean closing;

    PendingSettles(Counters counters, Settled settled) {
        this.counters = counters;
        this.settled = settled;
        this.retrier = Thread.ofPlatform().name("gapwise-pending-settles").daemon(true).start(this::retry);
    }

    void add(SpendGate.Hold hold, Counters.Settle settle, long actualNanos) {
        queue.add(new Waiting(hold, settle, actualNanos));
        if (size.incrementAndGet() > MAX && queue.poll() != null) {
            size.decrementAndGet();
            LOG.error("budgets: more than {} settles wait for the counters; the oldest is dropped (its spend stays in "
                    + "the ledger and its reservation expires)", MAX);
        }
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    int size() {
        return size.get();
    }

    private void retry() {
        while (!closing) {
            synchronized (wake) {
                try {
                    wake.wait(PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            drain();
        }
    }

    /** Tries the waiting settles in order; stops at the first the counters still refuse. */
    private void drain() {
        for (Waiting waiting = queue.peek(); waiting != null; waiting = queue.peek()) {
            Counters.Settlement result = counters.settle(waiting.settle());
            if (!(result instanceof Counters.Settlement.Done done)) {
                return;
            }
            if (queue.remove(waiting)) {
                size.decrementAndGet();
            }
            settled.settled(waiting.hold(), waiting.actualNanos(), done);
        }
    }

    @Override
    public void close() {
        closing = true;
        retrier.interrupt();
        drain();
        if (size.get() > 0) {
            LOG.warn("budgets: {} settles could not reach the counters before shutdown; their spend is in the ledger "
                    + "and their reservations expire", size.get());
        }
    }
}
