package dev.gapwise.gateway.spend.counter;

import dev.gapwise.gateway.config.RedisConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counters in Redis, shared by every gateway instance: one Lua script per operation ({@code
 * gapwise/redis/*.lua}), each atomic on the server, timed by the server's clock so instances agree. The scripts are
 * loaded once (and again after a Redis restart forgets them) and called by their SHA-1. A pooled Jedis connection
 * per call, with short connect and command timeouts: when Redis does not answer, the operation returns {@code
 * Unavailable} at once and the pool reconnects on its own when Redis is back. Thread-safe.
 */
public final class RedisCounters implements Counters {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCounters.class);

    private final JedisPool pool;
    private final String prefix;
    private final String where;
    private final Map<String, Script> scripts;

    /** A script's text (with the shared {@code reclaim.lua} before it) and its SHA-1. */
    private record Script(String text, String sha) {
        static Script load(String name) {
            String text = read("reclaim") + "\n" + read(name);
            try {
                return new Script(text, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(text.getBytes(StandardCharsets.UTF_8))));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is missing from this JDK", e);
            }
        }

        private static String read(String name) {
            try (InputStream in = RedisCounters.class.getResourceAsStream("/gapwise/redis/" + name + ".lua")) {
                if (in == null) {
                    throw new IllegalStateException("gapwise/redis/" + name + ".lua is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read gapwise/redis/" + name + ".lua", e);
            }
        }
    }

    /** Connects lazily: a Redis that is down at start only makes operations unavailable until it answers. */
    public RedisCounters(RedisConfig config, Optional<String> password) {
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(config.maxConnections());
        poolConfig.setMaxIdle(config.maxConnections());
        poolConfig.setMinIdle(config.minIdle());
        poolConfig.setMaxWait(config.maxWait());
        poolConfig.setTestWhileIdle(true);
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) config.connect().toMillis())
                .socketTimeoutMillis((int) config.command().toMillis())
                .ssl(config.url().getScheme().equals("rediss"))
                .clientName("gapwise")
                .database(database(config));
        password.ifPresent(client::password);
        this.pool = new JedisPool(poolConfig, new HostAndPort(config.url().getHost(),
                config.url().getPort() < 0 ? 6379 : config.url().getPort()), client.build());
        this.prefix = config.prefix();
        this.where = config.redactedUrl();
        this.scripts = Map.of("admit", Script.load("admit"), "settle", Script.load("settle"), "seed", Script.load("seed"),
                "peek", Script.load("peek"));
        try (Jedis jedis = pool.getResource()) {
            scripts.values().forEach(script -> jedis.scriptLoad(script.text()));
        } catch (JedisException e) {
            LOG.warn("redis at {} does not answer yet ({}); requests under a hard budget are refused until it does",
                    where, e.getMessage());
        }
    }

    private static int database(RedisConfig config) {
        String path = config.url().getPath();
        return path == null || path.length() <= 1 ? 0 : Integer.parseInt(path.substring(1));
    }

    private String window(String counter) {
        return prefix + "b:" + counter;
    }

    private String reservations(String counter) {
        return prefix + "b:" + counter + ":r";
    }

    /**
     * Runs an idempotent script; when the connection fails, the pool's idle connections (likely as dead as this one,
     * after a Redis restart) are dropped and the script is run once more on a fresh one.
     */
    private List<String> idempotent(String name, List<String> keys, List<String> args) {
        try {
            return run(name, keys, args);
        } catch (JedisConnectionException e) {
            pool.clear();
            return run(name, keys, args);
        }
    }

    /** Runs a script by SHA-1, loading it first when Redis has forgotten it (a restart). */
    private List<String> run(String name, List<String> keys, List<String> args) {
        Script script = scripts.get(name);
        try (Jedis jedis = pool.getResource()) {
            Object reply;
            try {
                reply = jedis.evalsha(script.sha(), keys, args);
            } catch (JedisNoScriptException e) {
                jedis.scriptLoad(script.text());
                reply = jedis.evalsha(script.sha(), keys, args);
            }
            List<String> out = new ArrayList<>();
            if (reply instanceof List<?> list) {
                for (Object item : list) {
                    out.add(item instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(item));
                }
            } else {
                out.add(String.valueOf(reply));
            }
            return out;
        }
    }

    @Override
    public Admission admit(Charge charge) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of(charge.reservationId(), Long.toString(charge.ttl().toMillis()),
                Integer.toString(charge.budgets().size()), Integer.toString(charge.limits().size())));
        for (BudgetCharge budget : charge.budgets()) {
            keys.add(window(budget.counter()));
            keys.add(reservations(budget.counter()));
            args.addAll(List.of(Long.toString(budget.limitNanos()), budget.hard() ? "1" : "0",
                    Long.toString(budget.amountNanos()), Long.toString(budget.windowEnd().map(Instant::toEpochMilli).orElse(0L))));
        }
        for (LimitCharge limit : charge.limits()) {
            keys.add(prefix + limit.counter());
            args.addAll(List.of(Long.toString(limit.periodMicros()), Long.toString(limit.amount()),
                    Long.toString(limit.cost())));
        }
        List<String> reply;
        try {
            // not retried: a reply lost after the script ran would take twice; a fresh pool serves the next request
            reply = run("admit", keys, args);
        } catch (JedisException e) {
            if (e instanceof JedisConnectionException) {
                pool.clear();
            }
            return new Admission.Unavailable("redis at " + where + ": " + e.getMessage());
        }
        int nb = charge.budgets().size();
        return switch (reply.getFirst()) {
            case "unseeded" -> new Admission.Unseeded(reply.subList(1, reply.size()).stream()
                    .map(i -> Integer.parseInt(i) - 1).toList());
            case "over" -> new Admission.OverBudget(Integer.parseInt(reply.get(1)) - 1,
                    new Level(Long.parseLong(reply.get(2)), Long.parseLong(reply.get(3))));
            case "oversized" -> new Admission.Oversized(Integer.parseInt(reply.get(1)) - 1);
            case "throttled" -> new Admission.Throttled(Integer.parseInt(reply.get(1)) - 1, Long.parseLong(reply.get(2)),
                    limitLevels(reply, 3));
            case "ok" -> {
                List<Level> budgets = new ArrayList<>();
                for (int i = 0; i < nb; i++) {
                    budgets.add(new Level(Long.parseLong(reply.get(1 + 2 * i)), Long.parseLong(reply.get(2 + 2 * i))));
                }
                yield new Admission.Admitted(budgets, limitLevels(reply, 1 + 2 * nb));
            }
            default -> throw new IllegalStateException("admit.lua answered " + reply);
        };
    }

    private static List<LimitLevel> limitLevels(List<String> reply, int from) {
        List<LimitLevel> levels = new ArrayList<>();
        for (int i = from; i + 1 < reply.size(); i += 2) {
            levels.add(new LimitLevel(Long.parseLong(reply.get(i)), Long.parseLong(reply.get(i + 1))));
        }
        return levels;
    }

    @Override
    public Settlement settle(Settle settle) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of(settle.reservationId(), Integer.toString(settle.budgets().size()),
                Integer.toString(settle.limits().size())));
        for (BudgetSettle budget : settle.budgets()) {
            keys.add(window(budget.counter()));
            keys.add(reservations(budget.counter()));
            args.add(Long.toString(budget.actualNanos()));
        }
        for (LimitCharge limit : settle.limits()) {
            keys.add(prefix + limit.counter());
            args.addAll(List.of(Long.toString(limit.periodMicros()), Long.toString(limit.amount()),
                    Long.toString(limit.cost())));
        }
        keys.add(prefix + "settled:" + settle.reservationId());
        try {
            return new Settlement.Done(idempotent("settle", keys, args).stream().map(Long::parseLong).toList());
        } catch (JedisException e) {
            return new Settlement.Unavailable("redis at " + where + ": " + e.getMessage());
        }
    }

    @Override
    public Settlement seed(String counter, long spentNanos, Optional<Instant> windowEnd) {
        try {
            List<String> reply = idempotent("seed", List.of(window(counter), reservations(counter)),
                    List.of(Long.toString(spentNanos), Long.toString(windowEnd.map(Instant::toEpochMilli).orElse(0L))));
            return new Settlement.Done(List.of(Long.parseLong(reply.getFirst())));
        } catch (JedisException e) {
            return new Settlement.Unavailable("redis at " + where + ": " + e.getMessage());
        }
    }

    @Override
    public Peek peek(List<String> counters) {
        List<String> keys = new ArrayList<>();
        for (String counter : counters) {
            keys.add(window(counter));
            keys.add(reservations(counter));
        }
        try {
            List<String> reply = counters.isEmpty() ? List.of() : idempotent("peek", keys, List.of());
            List<Optional<Level>> levels = new ArrayList<>();
            for (int i = 0; i + 1 < reply.size(); i += 2) {
                long spent = Long.parseLong(reply.get(i));
                levels.add(spent < 0 ? Optional.empty() : Optional.of(new Level(spent, Long.parseLong(reply.get(i + 1)))));
            }
            return new Peek.Levels(levels);
        } catch (JedisException e) {
            return new Peek.Unavailable("redis at " + where + ": " + e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "redis at " + where + " (prefix " + prefix + ")";
    }

    @Override
    public void close() {
        pool.close();
    }
}
