package dev.gapwise.gateway.call;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets another thread stop one call: the client went away, or the gateway is shutting down and the grace period
 * is over. Cancelling aborts the upstream exchange that is open at that moment (or the next one to open), so the
 * call's own thread wakes up at once and ends the call as the reason requires. Thread-safe.
 */
public final class Cancellation {
    /** Why a call was stopped. */
    public enum Reason {
        /** The client closed its connection: nothing more can reach it. */
        CLIENT_GONE,
        /** The gateway is shutting down and the call outlived the grace period. */
        SHUTDOWN
    }

    private static final Runnable NOTHING = () -> { };

    private final AtomicReference<Reason> reason = new AtomicReference<>();
    private volatile Runnable abortOpenExchange = NOTHING;

    /** Stops the call for {@code why}; the first reason wins. */
    public void cancel(Reason why) {
        if (reason.compareAndSet(null, why)) {
            abortOpenExchange.run();
        }
    }

    /** Why the call was stopped, once it was. */
    public Optional<Reason> reason() {
        return Optional.ofNullable(reason.get());
    }

    /** Registers how to abort the exchange now open; runs it at once when the call is already stopped. */
    void whileOpen(Runnable abort) {
        abortOpenExchange = abort;
        if (reason.get() != null) {
            abort.run();
        }
    }

    /** The exchange is over: nothing to abort any more. */
    void closed() {
        abortOpenExchange = NOTHING;
    }
}
