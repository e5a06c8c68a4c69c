package dev.gapwise.ui;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a dashboard route answers: status, content type, body and extra headers. Immutable.
 */
public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
    public Answer {
        headers = Map.copyOf(headers);
    }

    /** An HTML page. */
    public static Answer html(int status, String html) {
        return new Answer(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A CSV download named {@code filename}. */
    public static Answer csv(String filename, String csv) {
        return new Answer(200, "text/csv; charset=utf-8", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Disposition", "attachment; filename=\"" + filename + "\""));
    }

    /** A 303 to {@code location}, with extra headers (a cookie). */
    public static Answer redirect(String location, Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Location", location);
        return new Answer(303, "text/plain; charset=utf-8", new byte[0], all);
    }
}
