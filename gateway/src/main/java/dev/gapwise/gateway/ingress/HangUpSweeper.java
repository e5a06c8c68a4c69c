package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.call.Cancellation;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts a {@link HangUpWatch} only for the calls that outlive a short grace period. Registering read interest
 * on a client connection and cancelling it again costs two trips through Jetty's selector; a call that ends
 * within the grace never pays them, and a call that runs longer (every real model call) is watched from the end
 * of the grace on, so a client that hangs up is noticed at most one grace later than it would be otherwise.
 *
 * <p>How it works. {@link #watch} queues the call with its start time (one lock-free append); while the queue
 * holds anything, one task on Jetty's scheduler wakes when its oldest entry ripens, starts the watches of the
 * ripe calls still running, and sleeps again; an idle gateway schedules nothing. A call that ends stops its
 * {@link Watch}; a stop and a start never interleave. Thread-safe.
 */
final class HangUpSweeper {
    private final long graceNanos;
    private final ConcurrentLinkedQueue<Watch> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean ticking = new AtomicBoolean();

    HangUpSweeper(Duration grace) {
        this.graceNanos = grace.toNanos();
    }

    /** Queues the call for watching once the grace has passed; {@link Watch#stop} must run before it answers. */
    Watch watch(EndPoint endPoint, Cancellation cancellation, Scheduler scheduler) {
        Watch watch = new Watch(endPoint, cancellation, System.nanoTime());
        queue.add(watch);
        if (ticking.compareAndSet(false, true)) {
            schedule(scheduler, graceNanos);
        }
        return watch;
    }

    private void schedule(Scheduler scheduler, long delayNanos) {
        try {
            scheduler.schedule(() -> tick(scheduler), Math.max(delayNanos, 1_000_000), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // the server is stopping and its scheduler refuses tasks: nothing is left to watch
            ticking.set(false);
        }
    }

    private void tick(Scheduler scheduler) {
        long now = System.nanoTime();
        for (Watch head = queue.peek(); head != null && now - head.since >= graceNanos; head = queue.peek()) {
            queue.poll();
            head.start();
        }
        Watch next = queue.peek();
        if (next != null) {
            schedule(scheduler, graceNanos - (now - next.since));
            return;
        }
        ticking.set(false);
        // a call queued between the last peek and the reset above must not wait for the next arrival
        if (!queue.isEmpty() && ticking.compareAndSet(false, true)) {
            schedule(scheduler, graceNanos);
        }
    }

    /** One call's deferred watch. */
    static final class Watch {
        private final EndPoint endPoint;
        private final Cancellation cancellation;
        private final long since;
        private HangUpWatch watch;
        private boolean stopped;

        private Watch(EndPoint endPoint, Cancellation cancellation, long since) {
            this.endPoint = endPoint;
            this.cancellation = cancellation;
            this.since = since;
        }

        private synchronized void start() {
            if (!stopped) {
                watch = HangUpWatch.start(endPoint, cancellation);
            }
        }

        /** Stops watching (before the response completes); true when the connection must be closed after it. */
        synchronized boolean stop() {
            stopped = true;
            return watch != null && watch.stop();
        }
    }
}
