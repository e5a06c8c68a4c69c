package dev.gapwise.gateway;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's top handler: requests under a mounted prefix (the dashboard's {@code /ui}) go to the handler
 * mounted there, everything else to the ingress. A mounted handler answers its own requests (auth, errors) and
 * sees none of the ingress's. Thread-safe; handlers may be mounted while the server runs.
 */
final class Mounts extends Handler.Wrapper {
    private final Map<String, Handler> mounted = new ConcurrentHashMap<>();

    Mounts(Handler ingress) {
        super(ingress);
    }

    void mount(String prefix, Handler handler) {
        if (!prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("a mount prefix starts with '/' and does not end with one: " + prefix);
        }
        mounted.put(prefix, handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!mounted.isEmpty()) {
            String path = request.getHttpURI().getPath();
            for (Map.Entry<String, Handler> mount : mounted.entrySet()) {
                String prefix = mount.getKey();
                if (path != null && path.startsWith(prefix)
                        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                    return mount.getValue().handle(request, response, callback);
                }
            }
        }
        return super.handle(request, response, callback);
    }
}
