package dev.gapwise.gateway;

import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;

import java.util.Map;
import java.util.Set;

/**
 * The local Redis at 127.0.0.1:6379, one fresh key prefix per use (removed after); a test that needs it is skipped
 * with a message when it does not answer.
 */
public final class Redis implements AutoCloseable {
    public static final int PORT = 6379;
    private final String prefix;

    private Redis(String prefix) {
        this.prefix = prefix;
    }

    /** A new prefix; skips the test when Redis is unreachable. */
    public static Redis fresh() {
        try (Jedis jedis = new Jedis("127.0.0.1", PORT, 1_000)) {
            jedis.ping();
        } catch (RuntimeException e) {
            Assumptions.abort("Redis is not reachable at 127.0.0.1:6379: skipping the Redis test");
        }
        return new Redis("gapwise-test-" + Long.toHexString(System.nanoTime()) + ":");
    }

    public String prefix() {
        return prefix;
    }

    /** The {@code redis:} section for a gateway on this prefix, through {@code hostAndPort} (a proxy's, say). */
    public String yaml(String hostAndPort, String onOutage) {
        return """
                redis:
                  url: redis://%s/0
                  prefix: "%s"
                  timeouts: {connect: 300ms, command: 300ms}
                  on_outage: %s
                """.formatted(hostAndPort, prefix, onOutage);
    }

    /** A budget window's hash: spent, reserved and one field per open reservation. */
    public Map<String, String> window(String counter) {
        try (Jedis jedis = new Jedis("127.0.0.1", PORT)) {
            return jedis.hgetAll(prefix + "b:" + counter);
        }
    }

    @Override
    public void close() {
        try (Jedis jedis = new Jedis("127.0.0.1", PORT)) {
            Set<String> keys = jedis.keys(prefix + "*");
            if (!keys.isEmpty()) {
                jedis.del(keys.toArray(String[]::new));
            }
        }
    }
}
