package dev.gapwise.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Redis that several gateway instances share for budget reservations and rate limits ({@code redis:}).
 *
 * @param url            {@code redis://host:port/db} (or {@code rediss://} for TLS); no password in it
 * @param password       the environment variable holding the password, if any
 * @param prefix         put before every key, so several deployments of Gapwise can share one Redis
 * @param maxConnections the pool's most connections
 * @param minIdle        connections kept open while idle
 * @param maxWait        how long a request waits for a free connection
 * @param connect        connect timeout
 * @param command        how long one command (a script) may take
 * @param onOutage       what requests under no hard budget get while Redis cannot be reached
 */
public record RedisConfig(URI url, Optional<SecretRef> password, String prefix, int maxConnections, int minIdle,
                          Duration maxWait, Duration connect, Duration command, OnOutage onOutage) {
    /** What requests that no hard budget applies to get while Redis is down (hard budgets always fail closed). */
    public enum OnOutage {
        /** Served without their rate limits (logged and counted). */
        SERVE,
        /** Refused with 503, like requests under a hard budget. */
        REFUSE
    }

    public RedisConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(onOutage, "onOutage");
    }

    /** Defaults for {@code url}: 32 connections, 250 ms waits, 500 ms timeouts, serve on outage. */
    public static RedisConfig at(URI url) {
        return new RedisConfig(url, Optional.empty(), "gapwise:", 32, 2, Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofMillis(500), OnOutage.SERVE);
    }

    public RedisConfig withPrefix(String value) {
        return new RedisConfig(url, password, value, maxConnections, minIdle, maxWait, connect, command, onOutage);
    }

    /** The URL without any user information, for logs. */
    public String redactedUrl() {
        return url.getScheme() + "://" + url.getHost() + ":" + (url.getPort() < 0 ? 6379 : url.getPort())
                + (url.getPath() == null ? "" : url.getPath());
    }

    @Override
    public String toString() {
        return "RedisConfig[url=" + redactedUrl() + ", password=" + password.map(p -> "${" + p.variable() + "}").orElse("none")
                + ", prefix=" + prefix + ", maxConnections=" + maxConnections + ", onOutage=" + onOutage + "]";
    }
}
