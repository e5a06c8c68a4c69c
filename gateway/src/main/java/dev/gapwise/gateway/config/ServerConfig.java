package dev.gapwise.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the gateway listens, and the bounds it keeps on requests.
 *
 * @param host                 interface to bind; a non-loopback one requires auth or an explicit {@code auth: none}
 * @param port                 TCP port; 0 picks a free one
 * @param maxBodyBytes         the largest request body accepted
 * @param maxInflightBodyBytes the memory all request bodies being read, parsed or served may take together (a
 *                             body counts for its bytes plus an estimate of its parsed form); 0 means a quarter of
 *                             the JVM's maximum heap
 * @param bodyTimeout          the longest a request body may take to arrive, however it is dripped
 * @param shutdownGrace        how long a shutdown lets requests in flight finish before ending them
 */
public record ServerConfig(String host, int port, int maxBodyBytes, long maxInflightBodyBytes, Duration bodyTimeout,
                           Duration shutdownGrace) {
    public static final ServerConfig DEFAULT = new ServerConfig("127.0.0.1", 8080, 8 * 1024 * 1024, 0,
            Duration.ofSeconds(30), Duration.ofSeconds(20));

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
    }

    public ServerConfig(String host, int port, int maxBodyBytes) {
        this(host, port, maxBodyBytes, DEFAULT.maxInflightBodyBytes, DEFAULT.bodyTimeout, DEFAULT.shutdownGrace);
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, port, maxBodyBytes, maxInflightBodyBytes, bodyTimeout, shutdownGrace);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, maxBodyBytes, maxInflightBodyBytes, bodyTimeout, shutdownGrace);
    }

    /** The in-flight body bound in bytes, the default resolved against this JVM's heap. */
    public long inflightBodyBudget() {
        return maxInflightBodyBytes > 0 ? maxInflightBodyBytes : Runtime.getRuntime().maxMemory() / 4;
    }
}
