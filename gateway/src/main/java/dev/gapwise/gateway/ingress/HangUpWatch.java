package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.call.Cancellation;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import org.eclipse.jetty.util.BufferUtil;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices a client that hangs up while its request is served. Jetty reads nothing from an HTTP/1.1 connection
 * while a handler runs, so on its own it learns of a closed connection only when a write fails — never while the
 * gateway waits on a silent upstream or a non-streamed answer. This registers read interest on the connection for
 * the time of the call: end of stream means the client is gone and the call is cancelled at once (its upstream
 * exchange aborted). Bytes instead (a client pipelining a request behind a POST, which HTTP/1.1 clients should
 * not do) cannot be given back, so the connection is closed after this response. {@link #stop} must run before
 * the response completes, so that Jetty can watch the connection for the next request. Thread-safe.
 */
final class HangUpWatch implements Callback {
    private final EndPoint endPoint;
    private final Cancellation cancellation;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean unexpectedBytes;

    private HangUpWatch(EndPoint endPoint, Cancellation cancellation) {
        this.endPoint = endPoint;
        this.cancellation = cancellation;
    }

    /** Starts watching; returns a watch that does nothing when the connection cannot be watched. */
    static HangUpWatch start(EndPoint endPoint, Cancellation cancellation) {
        HangUpWatch watch = new HangUpWatch(endPoint, cancellation);
        if (!(endPoint instanceof AbstractEndPoint) || !endPoint.tryFillInterested(watch)) {
            watch.done.set(true);
        }
        return watch;
    }

    /**
     * Readable: end of stream cancels the call, bytes end the watch, nothing re-registers — unless {@link #stop}
     * ran meanwhile. Holds this watch's lock, as {@link #stop} does, so no read interest is registered after the
     * watch stopped: it would take the connection's read interest from Jetty, which then drops the connection.
     */
    @Override
    public synchronized void succeeded() {
        if (done.get()) {
            return;
        }
        try {
            int read = endPoint.fill(BufferUtil.allocate(1));
            if (read < 0) {
                done.set(true);
                cancellation.cancel(Cancellation.Reason.CLIENT_GONE);
            } else if (read > 0) {
                done.set(true);
                unexpectedBytes = true;
            } else if (!endPoint.tryFillInterested(this)) {
                done.set(true);
            }
        } catch (IOException e) {
            done.set(true);
            cancellation.cancel(Cancellation.Reason.CLIENT_GONE);
        }
    }

    @Override
    public void failed(Throwable failure) {
        if (done.compareAndSet(false, true) && !(failure instanceof CancellationException)) {
            cancellation.cancel(Cancellation.Reason.CLIENT_GONE);
        }
    }

    /** Stops watching (before the response completes); true when the connection must be closed after it. */
    synchronized boolean stop() {
        if (done.compareAndSet(false, true)) {
            ((AbstractEndPoint) endPoint).getFillInterest().onFail(new CancellationException("request complete"));
        }
        return unexpectedBytes;
    }
}
