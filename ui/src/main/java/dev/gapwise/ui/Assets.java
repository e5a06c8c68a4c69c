package dev.gapwise.ui;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's static files, all from the jar: ECharts from its WebJar and our own app.js and app.css. Only
 * these three names are served. Thread-safe (loaded once, then cached).
 */
final class Assets {
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final Map<String, String[]> FILES = Map.of(
            "echarts.min.js", new String[] {ECHARTS, "text/javascript; charset=utf-8"},
            "app.js", new String[] {"/dev/gapwise/ui/assets/app.js", "text/javascript; charset=utf-8"},
            "app.css", new String[] {"/dev/gapwise/ui/assets/app.css", "text/css; charset=utf-8"});
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    boolean serve(String name, Response response, Callback callback) {
        String[] file = FILES.get(name);
        if (file == null) {
            response.setStatus(404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.write(true, ByteBuffer.wrap("no such asset".getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        byte[] body = loaded.computeIfAbsent(name, n -> read(file[0]));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, file[1]);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
