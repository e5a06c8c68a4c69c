package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.call.Cancellation;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat calls in flight, for a graceful shutdown: once {@link #drain} is called no call may enter (the edge
 * answers 503), {@link #awaitIdle} waits for those running to end, and {@link #cancelAll} stops the rest.
 * Thread-safe.
 */
public final class InFlight {
    private final Set<Cancellation> calls = ConcurrentHashMap.newKeySet();
    private final Object idle = new Object();
    private volatile boolean draining;

    /** Admits a call; false when the gateway is draining. */
    boolean enter(Cancellation call) {
        calls.add(call);
        if (draining) {
            exit(call);
            return false;
        }
        return true;
    }

    void exit(Cancellation call) {
        calls.remove(call);
        if (draining) {
            // only a draining gateway has anyone waiting in awaitIdle; no monitor per request otherwise
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Stops admitting calls. */
    public void drain() {
        draining = true;
    }

    /** True once {@link #drain} was called. */
    public boolean draining() {
        return draining;
    }

    /** Calls running now. */
    public int size() {
        return calls.size();
    }

    /** Waits until no call runs, at most {@code timeout}; true when none does. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (!calls.isEmpty()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.min(left, 50));
            }
            return true;
        }
    }

    /** Stops every running call; returns how many there were. */
    public int cancelAll(Cancellation.Reason why) {
        int count = 0;
        for (Cancellation call : calls) {
            call.cancel(why);
            count++;
        }
        return count;
    }
}
