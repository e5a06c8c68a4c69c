package dev.gapwise.gateway;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The gateway's top handler: requests under a mounted prefix (the dashboard's {@code /ui}) go to the handler
 * mounted there, everything else to the ingress. A mounted handler answers its own requests (auth, errors) and
 * sees none of the ingress's.
 *
 * <p>Threads: {@code /healthz} and {@code /readyz} never block and read nothing but memory: they are answered
 * at once on the Jetty thread that parsed the request. {@code /metrics} formats every meter (milliseconds of CPU),
 * too long to hold Jetty's I/O thread: it runs on a pooled platform thread. Every other request is handed to a
 * new virtual thread, as Jetty itself would for a blocking handler (one hand-off, as before). So a probe never
 * waits for a virtual-thread carrier: under 16 hostile 8 MB bodies the carriers stay busy reading and parsing,
 * and a probe queued behind them waited up to a second (issue 14). Thread-safe; handlers may be mounted while the
 * server runs.
 */
final class Mounts extends Handler.Wrapper {
    /** Answered on the calling thread: their handlers are non-blocking and read nothing but memory. */
    static final Set<String> PROBES = Set.of("/healthz", "/readyz");
    /** Answered on a platform thread: non-blocking, but a few milliseconds of CPU. */
    static final String METRICS = "/metrics";

    private final Map<String, Handler> mounted = new ConcurrentHashMap<>();
    private final Executor blocking;
    private final Executor platform;

    /**
     * @param blocking runs every request but the operational ones (virtual threads)
     * @param platform runs {@code /metrics} (Jetty's pooled platform threads)
     */
    Mounts(Handler ingress, Executor blocking, Executor platform) {
        super(ingress);
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    void mount(String prefix, Handler handler) {
        if (!prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("a mount prefix starts with '/' and does not end with one: " + prefix);
        }
        mounted.put(prefix, handler);
    }

    /** Non-blocking: Jetty calls {@link #handle} on its own thread, and this handler dispatches what may block. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        Handler target = target(path);
        boolean ingress = target == getHandler() && path != null;
        if (ingress && PROBES.contains(path)) {
            return target.handle(request, response, callback);
        }
        try {
            (ingress && path.equals(METRICS) ? platform : blocking)
                    .execute(() -> serve(target, request, response, callback));
        } catch (RejectedExecutionException stopping) {
            callback.failed(stopping);
        }
        return true;
    }

    private Handler target(String path) {
        if (!mounted.isEmpty() && path != null) {
            for (Map.Entry<String, Handler> mount : mounted.entrySet()) {
                String prefix = mount.getKey();
                if (path.startsWith(prefix)
                        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                    return mount.getValue();
                }
            }
        }
        return getHandler();
    }

    /** What Jetty does around a blocking handler: 404 when no one took the request, a failure when it threw. */
    private static void serve(Handler target, Request request, Response response, Callback callback) {
        try {
            if (target == null || !target.handle(request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable failure) {
            callback.failed(failure);
        }
    }
}
