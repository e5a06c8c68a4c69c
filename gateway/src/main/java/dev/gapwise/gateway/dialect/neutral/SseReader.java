package dev.gapwise.gateway.dialect.neutral;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events from a byte stream (LF or CRLF lines; comments and unknown fields skipped). Not
 * thread-safe; one per stream.
 */
public final class SseReader {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    public SseReader(InputStream in) {
        this.in = in;
    }

    /** The next event, or null at the end of the stream. */
    public SseEvent next() throws IOException {
        String name = null;
        StringBuilder data = null;
        while (true) {
            String text = readLine();
            if (text == null) {
                return data == null ? null : SseEvent.parse(name, data.toString());
            }
            if (text.isEmpty()) {
                if (data != null) {
                    return SseEvent.parse(name, data.toString());
                }
                name = null;
                continue;
            }
            if (text.startsWith("data:")) {
                String value = text.substring(text.length() > 5 && text.charAt(5) == ' ' ? 6 : 5);
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            } else if (text.startsWith("event:")) {
                name = text.substring(6).strip();
            }
        }
    }

    private String readLine() throws IOException {
        line.reset();
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int end = position;
            if (position < limit) {
                position++;
                if (end > start && buffer[end - 1] == '\r') {
                    end--;
                } else if (end == start && line.size() > 0 && lastIsCr()) {
                    return stripCr();
                }
                line.write(buffer, start, end - start);
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(buffer, start, end - start);
        }
    }

    private boolean lastIsCr() {
        byte[] bytes = line.toByteArray();
        return bytes[bytes.length - 1] == '\r';
    }

    private String stripCr() {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
    }
}
