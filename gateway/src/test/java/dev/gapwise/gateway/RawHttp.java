package dev.gapwise.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what HttpClient will not send (hop-by-hop and upgrade headers, broken bytes)
 * or will not show (a response cut before its last chunk). Reads until the server closes.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** Sends a request with {@code Connection: close} and returns every byte received, headers included. */
    public static String exchange(URI base, String method, String path, byte[] body, String... headerLines) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\n");
            boolean connection = false;
            for (String line : headerLines) {
                head.append(line).append("\r\n");
                connection |= line.toLowerCase(java.util.Locale.ROOT).startsWith("connection:");
            }
            if (!connection) {
                head.append("Connection: close\r\n");
            }
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return readAll(socket.getInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String exchange(URI base, String path, String json, String... headerLines) {
        return exchange(base, "POST", path, json.getBytes(StandardCharsets.UTF_8), headerLines);
    }

    /** Reads until the server closes, or until a response with a Content-Length is complete (keep-alive). */
    private static String readAll(InputStream in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (complete(bytes.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (IOException e) {
            // a reset after a cut: keep what arrived
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String received) {
        int end = received.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : received.substring(0, end).split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return received.length() - end - 4 >= Integer.parseInt(line.substring(15).strip());
            }
        }
        return false;
    }
}
