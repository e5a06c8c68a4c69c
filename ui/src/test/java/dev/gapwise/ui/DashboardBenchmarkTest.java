package dev.gapwise.ui;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page timings on a large generated ledger (not part of {@code ./test}): fills a SQLite ledger with {@code
 * -Dgapwise.bench.rows=N} attempts over 90 days (before the rollup migration, so the migration's backfill is timed
 * too; {@code -Dgapwise.bench.load.minutes=M} stops the load early and the report says how many rows it holds),
 * serves it, and times each page a few times; then times inserts with the rollups (kept by the writer) against inserts
 * without it. Writes {@code target/dashboard-bench.txt}. Run:
 * {@code mvn -B -q -o -pl ui -am verify -Dtest=DashboardBenchmarkTest -Dgapwise.bench.rows=10000000
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "gapwise.bench.rows", matches = "\\d+")
class DashboardBenchmarkTest {
    private static final int BATCH_REQUESTS = 50_000;

    @Test
    void everyPageAnswersWellUnderASecondOnALargeLedger() throws Exception {
        long target = Long.parseLong(System.getProperty("gapwise.bench.rows"));
        // loading stops early when it would take longer than this; the report says how many rows it holds
        long loadBudgetNanos = Long.parseLong(System.getProperty("gapwise.bench.load.minutes", "60")) * 60_000_000_000L;
        Path dir = Path.of(System.getProperty("gapwise.bench.dir", "target/bench"));
        Files.createDirectories(dir);
        Path db = dir.resolve("bench-ledger.db");
        Files.deleteIfExists(db);
        Files.deleteIfExists(dir.resolve("ledger.pending"));
        String url = "jdbc:sqlite:" + db;
        List<String> report = new ArrayList<>();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("7").load().migrate();
        Instant end = Instant.now();
        Instant start = end.minusSeconds(90 * 86_400L);
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            keys.add("key_bench" + k);
        }
        long rows = 0;
        long began = System.nanoTime();
        // written in time order, as a gateway writes it; the loader alone skips fsync
        long batches = Math.max(1, target / (BATCH_REQUESTS * 115 / 100));
        long slice = 90 * 86_400L / batches;
        try (Connection connection = DriverManager.getConnection(url + "?synchronous=OFF&cache_size=-400000")) {
            for (int batch = 0; rows < target && System.nanoTime() - began < loadBudgetNanos; batch++) {
                List<LedgerRows.Row> generated = LedgerRows.random(new Random(batch), BATCH_REQUESTS,
                        start.plusSeconds(Math.min(batch, batches - 1) * slice), slice, keys);
                LedgerRows.insertWithoutRollups(connection, generated);
                rows += generated.size();
            }
        }
        double loadSeconds = (System.nanoTime() - began) / 1e9;
        report.add(String.format("ledger rows: %d attempts (%.0f rows/s loaded without the rollups, %.0f s)", rows,
                rows / loadSeconds, loadSeconds));
        began = System.nanoTime();
        try (DashboardFixture fixture = DashboardFixture.start(dir, url, 0, 1)) {
            report.add(String.format("migration V10 backfill of the rollups and V11: %.1f s",
                    (System.nanoTime() - began) / 1e9));
            try (Connection connection = fixture.gateway.database().connection()) {
                for (String table : List.of("ledger_hourly", "ledger_key_hourly", "ledger_route_daily",
                        "ledger_latency_daily")) {
                    var rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table);
                    rs.next();
                    report.add(table + ": " + rs.getLong(1) + " rows");
                }
            }
            HttpClient http = HttpClient.newHttpClient();
            List<String> paths = List.of("/ui?days=30", "/ui?days=90", "/ui/routing?days=90", "/ui/requests",
                    "/ui/requests?tier=critical", "/ui/requests?key=key_bench7", "/ui/keys?days=90",
                    "/ui/deployments?days=90", "/ui/gap", "/ui/requests.csv?from=" + end.toString().substring(0, 10));
            for (String path : paths) {
                List<Long> millis = new ArrayList<>();
                int status = 0;
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(fixture.uri(path))
                            .header("Authorization", "Bearer " + fixture.adminKey).timeout(Duration.ofSeconds(60))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    millis.add((System.nanoTime() - t0) / 1_000_000);
                    status = response.statusCode();
                }
                List<Long> sorted = millis.stream().sorted().toList();
                report.add(String.format("%-40s status %d  first %4d ms  median %4d ms  max %4d ms", path, status,
                        millis.getFirst(), sorted.get(2), sorted.get(4)));
                assertThat(status).as(path).isEqualTo(200);
            }
            // the write path: the same inserts with the rollups, as the ledger writer makes them
            List<LedgerRows.Row> more = LedgerRows.random(new Random(-1), 20_000, end.minusSeconds(3_600), 3_600, keys);
            long t0 = System.nanoTime();
            try (Connection connection = fixture.gateway.database().connection()) {
                LedgerRows.insert(connection, more);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            report.add(String.format("inserts with the rollups kept by the writer: %d rows in %.2f s (%.0f rows/s)", more.size(),
                    seconds, more.size() / seconds));
        }
        report.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        Files.write(Path.of("target/dashboard-bench.txt"), report);
        report.forEach(System.out::println);
        Files.deleteIfExists(db);
    }
}
