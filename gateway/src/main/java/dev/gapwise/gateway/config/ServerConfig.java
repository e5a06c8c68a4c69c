package dev.gapwise.gateway.config;

import java.util.Objects;

/**
 * Where the gateway listens.
 *
 * @param host         interface to bind; a non-loopback one requires auth or an explicit {@code auth: none}
 * @param port         TCP port; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted
 */
public record ServerConfig(String host, int port, int maxBodyBytes) {
    public static final ServerConfig DEFAULT = new ServerConfig("127.0.0.1", 8080, 8 * 1024 * 1024);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, port, maxBodyBytes);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, maxBodyBytes);
    }
}
