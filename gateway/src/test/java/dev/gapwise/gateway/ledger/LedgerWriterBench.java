package dev.gapwise.gateway.ledger;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.call.Attempt;
import dev.gapwise.gateway.call.ErrorClass;
import dev.gapwise.gateway.call.RequestContext;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.dialect.neutral.Usage;
import dev.gapwise.gateway.price.PricedAttempt;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.store.Database;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The ledger writer's cost per row, end to end through {@link Ledger#record} (a benchmark harness, not a test): for
 * each database it records rows from producer threads as fast as they go (or at {@code --rate} rows/s), waits until
 * the database holds them all, and reports rows/s, the writer thread's CPU µs per row, the PostgreSQL server's CPU
 * µs per row (its backends for this run, read from {@code /proc}), the rows per batch, and on the recording threads
 * the CPU µs and bytes allocated per {@code record} call. A warm-up round runs first and is not reported.
 *
 * <p>Rows look like a live gateway's: the current hour, five deployments, three tiers, twenty keys and key-less
 * requests, one request in ten with a fallback, one in twenty failing, latencies over five decades.
 *
 * <p>Run: {@code java -cp … dev.gapwise.gateway.ledger.LedgerWriterBench [--db sqlite,postgresql] [--rows 20000]
 * [--rounds 3] [--window-ms 200] [--producers 2] [--rate 0]}.
 */
public final class LedgerWriterBench {
    private static final String APPLICATION = "gapwise-ledger-bench";
    private static final List<Deployment> DEPLOYMENTS = List.of(
            deployment("gpt-4o@openai", "gpt-4o", "2.5", "10"),
            deployment("claude-sonnet@anthropic", "claude-sonnet", "3", "15"),
            deployment("deepseek-v3@deepseek", "deepseek-v3", "0.27", "1.1"),
            deployment("qwen-max@dashscope", "qwen-max", "1.6", "6.4"),
            deployment("llama-local@ollama", "llama-local", "0.01", "0.01"));
    private static final List<String> TIERS = List.of("critical", "elevated", "routine");
    private static final List<String> SOURCES = List.of("header", "api-key", "rule", "classifier", "default");

    private LedgerWriterBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> databases = List.of("sqlite", "postgresql");
        int rows = 20_000;
        int rounds = 3;
        long windowMillis = 200;
        int producers = 2;
        int rate = 0;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--db" -> databases = List.of(args[i + 1].split(","));
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--window-ms" -> windowMillis = Long.parseLong(args[i + 1]);
                case "--producers" -> producers = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--db, --rows, --rounds, --window-ms, --producers, --rate)");
            }
        }
        System.out.printf("ledger writer bench: %d rows x %d rounds, batch window %d ms, %d producers, rate %s%n", rows,
                rounds, windowMillis, producers, rate == 0 ? "unpaced" : rate + " rows/s");
        for (String kind : databases) {
            run(kind, rows, rounds, Duration.ofMillis(windowMillis), producers, rate);
        }
    }

    private static void run(String kind, int rows, int rounds, Duration window, int producers, int rate)
            throws Exception {
        Path dir = Files.createTempDirectory("ledger-bench");
        String url = kind.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("ledger.db") : postgresSchema();
        Random random = new Random(42);
        try (Database database = Database.open(url);
             Ledger ledger = new Ledger(database, dir.resolve("ledger.pending"), false, window)) {
            round(kind, "warm-up", ledger, attempts(random, rows, "w"), producers, rate, url);
            for (int r = 1; r <= rounds; r++) {
                round(kind, "round " + r, ledger, attempts(random, rows, "r" + r), producers, rate, url);
            }
            System.out.printf("%s: %d rows in the ledger%n", kind, LedgerReport.count(database));
        } finally {
            dropPostgres(url);
        }
    }

    private static void round(String kind, String label, Ledger ledger, List<PricedAttempt> attempts, int producers,
                              int rate, String url) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long writerId = writerThreadId();
        Set<Long> backends = backends(url);
        long serverBefore = cpuTicks(backends);
        long writerBefore = threads.getThreadCpuTime(writerId);
        long batchesBefore = ledger.batches();
        long[] recordCpu = new long[producers];
        long[] recordBytes = new long[producers];
        CountDownLatch done = new CountDownLatch(producers);
        long began = System.nanoTime();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread.ofPlatform().name("bench-producer-" + p).start(() -> {
                long cpu = threads.getCurrentThreadCpuTime();
                long bytes = threads.getCurrentThreadAllocatedBytes();
                long pause = rate == 0 ? 0 : 1_000_000_000L * producers / rate;
                long next = System.nanoTime();
                for (int i = producer; i < attempts.size(); i += producers) {
                    if (pause > 0) {
                        next += pause;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    ledger.record(attempts.get(i));
                }
                recordCpu[producer] = threads.getCurrentThreadCpuTime() - cpu;
                recordBytes[producer] = threads.getCurrentThreadAllocatedBytes() - bytes;
                done.countDown();
            });
        }
        done.await();
        ledger.flush();
        long elapsed = System.nanoTime() - began;
        long writerCpu = threads.getThreadCpuTime(writerId) - writerBefore;
        backends.addAll(backends(url));
        long serverTicks = cpuTicks(backends) - serverBefore;
        long batches = ledger.batches() - batchesBefore;
        int n = attempts.size();
        String server = kind.equals("sqlite") ? "" : String.format(", postgres server %.0f µs/row",
                serverTicks * 10_000.0 / n);
        System.out.printf("%s %s: %,.0f rows/s, writer %.1f µs CPU/row%s, %.0f rows/batch; record %.2f µs CPU and %,.0f "
                        + "bytes/row; load %s%n", kind, label, n * 1e9 / elapsed, writerCpu / 1e3 / n, server,
                (double) n / Math.max(1, batches), sum(recordCpu) / 1e3 / n, (double) sum(recordBytes) / n,
                Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static List<PricedAttempt> attempts(Random random, int rows, String prefix) {
        Pricing pricing = Pricing.ofListPrices(DEPLOYMENTS, Optional.of(DEPLOYMENTS.getFirst()));
        Instant now = Instant.now();
        List<PricedAttempt> attempts = new ArrayList<>(rows);
        for (int request = 0; attempts.size() < rows; request++) {
            String id = "req_" + prefix + "_" + Long.toHexString(random.nextLong());
            int keyIndex = random.nextInt(21);
            Optional<String> key = keyIndex == 20 ? Optional.empty() : Optional.of("key_bench" + keyIndex);
            Optional<String> team = key.isEmpty() || keyIndex % 2 == 1 ? Optional.empty()
                    : Optional.of("team" + keyIndex % 3);
            String tier = TIERS.get(random.nextInt(TIERS.size()));
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            boolean auto = random.nextInt(4) != 0;
            int tries = random.nextInt(10) == 0 ? 2 : 1;
            Instant at = now.plusMillis(request);
            RequestContext context = new RequestContext(id, at, key, Dialects.of(DialectKind.OPENAI),
                    auto ? "auto" : "gpt-4o", tier, "tier " + tier + " <- " + source + "; eligible 3 of 5", team);
            for (int a = 1; a <= tries && attempts.size() < rows; a++) {
                Deployment deployment = DEPLOYMENTS.get(random.nextInt(DEPLOYMENTS.size()));
                Optional<ErrorClass> error = a < tries ? Optional.of(ErrorClass.RATE_LIMITED)
                        : random.nextInt(20) == 0 ? Optional.of(ErrorClass.CONNECT) : Optional.empty();
                String reason = a == 1 ? "tier=" + tier + " (" + source + "); complexity=low; chose="
                        + deployment.id() + " (cheapest eligible, 3 of 5 eligible)"
                        : "tier=" + tier + "; fallback " + (a - 1) + " of 2";
                long latencyNanos = 1_000L * (1 + (long) Math.exp(random.nextDouble() * 12));
                long ttft = random.nextBoolean() ? -1 : latencyNanos / 3;
                Usage usage = error.isPresent() ? new Usage(0, 0, true)
                        : new Usage(random.nextInt(4000), random.nextInt(1500), false);
                attempts.add(pricing.price(new Attempt(context, a, deployment, reason, at, error.isPresent() ? 429 : 200,
                        error, usage, latencyNanos, ttft)));
            }
        }
        return attempts;
    }

    private static Deployment deployment(String id, String model, String in, String out) {
        return new Deployment(id, model, id.substring(id.indexOf('@') + 1), Dialect.OPENAI,
                URI.create("http://127.0.0.1:1/v1"), model, "US", Price.of(in, out), OptionalLong.empty(),
                LocalDate.EPOCH, "bench");
    }

    private static long writerThreadId() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("gapwise-ledger-writer"))
                .findFirst().orElseThrow().threadId();
    }

    private static String postgresSchema() throws SQLException {
        String base = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&ApplicationName=" + APPLICATION;
        String schema = "ledger_bench_" + Long.toHexString(System.nanoTime());
        try (Connection connection = DriverManager.getConnection(base)) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        return base + "&currentSchema=" + schema;
    }

    private static void dropPostgres(String url) throws SQLException {
        int at = url.indexOf("&currentSchema=");
        if (url.startsWith("jdbc:postgresql:") && at > 0) {
            try (Connection connection = DriverManager.getConnection(url.substring(0, at))) {
                connection.createStatement().execute("DROP SCHEMA " + url.substring(at + 15) + " CASCADE");
            }
        }
    }

    /** The PostgreSQL backends serving this benchmark (the pool's connections), empty for SQLite. */
    private static Set<Long> backends(String url) throws SQLException {
        Set<Long> pids = new HashSet<>();
        if (!url.startsWith("jdbc:postgresql:")) {
            return pids;
        }
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rs = connection.createStatement().executeQuery("SELECT pid FROM pg_stat_activity WHERE "
                     + "application_name = '" + APPLICATION + "' AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        }
        return pids;
    }

    /** User and system CPU of these processes, in clock ticks (1/100 s). */
    private static long cpuTicks(Set<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException | RuntimeException e) {
                // the backend ended
            }
        }
        return ticks;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }
}
