package dev.gapwise.ui.data;

import dev.gapwise.gateway.ledger.LedgerReport;
import dev.gapwise.gateway.ledger.LedgerRow;
import dev.gapwise.gateway.ledger.LedgerStore;
import dev.gapwise.gateway.store.Database;
import dev.gapwise.ui.LedgerRows;
import dev.gapwise.ui.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollups equal direct queries of the ledger on random data, on SQLite and PostgreSQL: rows present before the
 * migration (backfilled by V10's grouped SQL), rows written after it (summed by the ledger's writer), and replayed
 * rows (not counted twice); and the writer's sums equal V10's grouped SQL over the same rows, table by table.
 */
class RollupsTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void rollupsEqualDirectLedgerQueriesOnRandomData(String kind) throws Exception {
        String url = kind.equals("sqlite") ? TestDatabases.sqlite(folder) : TestDatabases.postgres();
        try {
            Random random = new Random(kind.hashCode());
            Instant start = Instant.parse("2026-10-30T21:17:00Z");
            List<LedgerRows.Row> before = LedgerRows.random(random, 400, start, 5 * 86_400L, 6);
            List<LedgerRows.Row> after = LedgerRows.random(random, 1_500, start.plusSeconds(86_400), 9 * 86_400L, 6);
            // the ledger as it stood before the rollups existed
            Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("7").load()
                    .migrate();
            try (Connection connection = java.sql.DriverManager.getConnection(url)) {
                LedgerRows.insertWithoutRollups(connection, before);
            }
            try (Database database = Database.open(url); Connection connection = database.connection()) {
                LedgerRows.insert(connection, after);
                LedgerRows.insert(connection, after.subList(0, 300)); // replayed: already there
                List<LedgerRows.Row> all = new ArrayList<>(before);
                all.addAll(after);

                assertThat(Rollups.daily(connection, HourRange.all())).isNotEmpty()
                        .containsExactlyElementsOf(LedgerReport.lines(database));
                assertThat(Rollups.keys(connection, HourRange.all(), Optional.empty()))
                        .containsExactlyInAnyOrderElementsOf(directKeys(connection));
                assertThat(Rollups.keys(connection, HourRange.all(), Optional.of("key2")))
                        .containsExactlyElementsOf(directKeys(connection).stream()
                                .filter(k -> k.keyId().equals("key2")).toList());
                HourRange oneDay = new HourRange("2026-11-02T00", "2026-11-03T00");
                assertThat(Rollups.daily(connection, oneDay)).allSatisfy(line -> assertThat(line.day())
                        .isEqualTo("2026-11-02")).containsExactlyElementsOf(LedgerReport.lines(database).stream()
                        .filter(line -> line.day().equals("2026-11-02")).toList());
                assertDeploymentsMatch(Rollups.deployments(connection, HourRange.all()), all);
                assertRoutesMatch(Rollups.routes(connection, HourRange.all(), 10_000), all);
            }
        } finally {
            TestDatabases.dropPostgres(url);
        }
    }

    /** On "postgresql-rewritten" the driver rewrites batches into multi-row inserts and cannot say which rows were new. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql", "postgresql-rewritten"})
    void writerKeepsEveryRollupTableEqualToTheGroupedSqlOverTheLedger(String kind) throws Exception {
        String bySql = kind.equals("sqlite") ? TestDatabases.sqlite(folder) : TestDatabases.postgres();
        String byWriter = kind.equals("sqlite") ? TestDatabases.sqlite(folder) : TestDatabases.postgres();
        String writerUrl = kind.equals("postgresql-rewritten") ? byWriter + "&reWriteBatchedInserts=true" : byWriter;
        try {
            Random random = new Random(kind.length());
            List<LedgerRows.Row> rows = new ArrayList<>(LedgerRows.random(random, 1_200,
                    Instant.parse("2026-11-20T22:40:00Z"), 3 * 86_400L, 5));
            rows.addAll(oddRows(Instant.parse("2026-11-21T05:00:00Z")));
            // V10's backfill: the rollups as grouped SQL over the ledger computes them
            Flyway.configure().dataSource(bySql, null, null).locations("classpath:db/migration").target("7").load()
                    .migrate();
            try (Connection connection = java.sql.DriverManager.getConnection(bySql)) {
                LedgerRows.insertWithoutRollups(connection, rows);
            }
            // the writer: batches of every size, replays across batches and a duplicate within one batch
            try (Database database = Database.open(writerUrl); Connection connection = database.connection()) {
                List<LedgerRow> written = rows.stream().map(LedgerRows::ledgerRow).toList();
                int inserted = 0;
                for (int from = 0, size = 1; from < written.size(); from += size, size = size * 3 % 700 + 1) {
                    List<LedgerRow> batch = new ArrayList<>(written.subList(from, Math.min(written.size(), from + size)));
                    batch.add(batch.getFirst());
                    if (from > 0) {
                        batch.add(written.get(from - 1));
                    }
                    inserted += LedgerStore.insert(connection, batch);
                }
                assertThat(inserted).isEqualTo(written.size());
            }
            try (Database sql = Database.open(bySql); Connection expected = sql.connection();
                 Database writer = Database.open(byWriter); Connection actual = writer.connection()) {
                for (String table : List.of("ledger_hourly", "ledger_key_hourly", "ledger_route_daily",
                        "ledger_latency_daily")) {
                    assertThat(table(actual, table)).as(table).isNotEmpty()
                            .containsExactlyInAnyOrderElementsOf(table(expected, table));
                }
                assertThat(table(actual, "ledger_route_daily")).extracting(row -> row.get(2))
                        .contains("header", "unknown");
            }
        } finally {
            TestDatabases.dropPostgres(bySql);
            TestDatabases.dropPostgres(byWriter);
        }
    }

    /**
     * Rows at the edges of the grouping rules: reasons the tier-source match must read as each database's {@code LIKE}
     * does (SQLite ignores the case of ASCII letters, PostgreSQL does not), tiny, negative, zero and huge durations.
     */
    private static List<LedgerRows.Row> oddRows(Instant at) {
        List<String> reasons = List.of("TIER=routine (Header); chose=x", "tier= (rule);", "tier=routine (api-key)",
                "tier=routine (ruLe); x", "tier=routine (api-\u212Aey); x", "Tier=critical (header);(classifier);",
                "tier=routine; (default); then (header);", "tier=(metadata);", "tier=x (classifier);", "no tier");
        List<LedgerRows.Row> rows = new ArrayList<>();
        long[] latencies = {-5, 0, 1, 9, 10, 99, 100, 129, 130, 8_599_999, Long.MAX_VALUE / 4};
        for (int i = 0; i < reasons.size(); i++) {
            rows.add(new LedgerRows.Row("odd-" + i, 1, at.plusSeconds(i * 1_000L), i % 2 == 0 ? null : "key1",
                    i % 3 == 0 ? "team0" : null, i % 2 == 0 ? "auto" : "gpt-4o", LedgerRows.DEPLOYMENTS.get(i % 5),
                    "routine", reasons.get(i), 200, i == 3 ? "timeout" : null, i, 2L * i, 3L * i, 4L * i,
                    latencies[i], i % 2 == 0 ? latencies[i + 1] : -1, i == 4, i));
        }
        return rows;
    }

    /** Every row of a rollup table, as text. */
    private static List<List<String>> table(Connection connection, String table) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getString(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Rollups.KeySpend> directKeys(Connection connection) throws SQLException {
        String sql = """
                SELECT COALESCE(key_id, ''), COALESCE(team, ''), SUM(CASE WHEN attempt = 1 THEN 1 ELSE 0 END),
                       COUNT(*), SUM(CASE WHEN error_class IS NULL THEN 0 ELSE 1 END), SUM(input_tokens),
                       SUM(output_tokens), SUM(cost_nano_usd), SUM(CASE WHEN unpriced = 0 THEN baseline_nano_usd
                       ELSE 0 END), SUM(unpriced)
                FROM ledger GROUP BY COALESCE(key_id, ''), COALESCE(team, '')""";
        List<Rollups.KeySpend> keys = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                keys.add(new Rollups.KeySpend(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
            }
        }
        return keys;
    }

    private static void assertDeploymentsMatch(List<Rollups.DeploymentTraffic> traffic, List<LedgerRows.Row> rows) {
        Map<String, List<LedgerRows.Row>> byDeployment = rows.stream()
                .collect(Collectors.groupingBy(LedgerRows.Row::deployment));
        assertThat(traffic).extracting(Rollups.DeploymentTraffic::deployment)
                .containsExactlyInAnyOrderElementsOf(byDeployment.keySet());
        for (Rollups.DeploymentTraffic deployment : traffic) {
            List<LedgerRows.Row> its = byDeployment.get(deployment.deployment());
            assertThat(deployment.attempts()).isEqualTo(its.size());
            assertThat(deployment.requests()).isEqualTo(its.stream().filter(r -> r.attempt() == 1).count());
            assertThat(deployment.fellBack()).isEqualTo(its.stream().filter(r -> r.attempt() == 2).count());
            assertThat(deployment.failures()).isEqualTo(its.stream().filter(r -> r.errorClass() != null).count());
            assertThat(deployment.costNanoUsd()).isEqualTo(its.stream().mapToLong(LedgerRows.Row::costNanoUsd).sum());
            for (double q : new double[] {0.5, 0.95, 0.99}) {
                assertThat(deployment.latency().percentile(q).orElseThrow())
                        .as("p%s latency of %s", q, deployment.deployment())
                        .isEqualTo(twoDigits(nearestRank(its.stream().map(LedgerRows.Row::latencyMicros).toList(), q)));
                List<Long> ttft = its.stream().map(LedgerRows.Row::ttftMicros).filter(t -> t >= 0).toList();
                assertThat(deployment.ttft().percentile(q).orElseThrow()).isEqualTo(twoDigits(nearestRank(ttft, q)));
            }
        }
    }

    private static void assertRoutesMatch(List<Rollups.RouteCount> routes, List<LedgerRows.Row> rows) {
        Map<String, Long> expected = new TreeMap<>();
        for (LedgerRows.Row row : rows) {
            if (row.attempt() == 1) {
                String source = row.reason().substring(row.reason().indexOf('(') + 1, row.reason().indexOf(')'));
                expected.merge(row.tier() + "|" + source + "|" + (row.requestedModel().equals("auto") ? "auto" : "named")
                        + "|" + row.deployment() + "|" + row.reason(), 1L, Long::sum);
            }
        }
        Map<String, Long> actual = new HashMap<>();
        routes.forEach(r -> actual.put(r.tier() + "|" + r.tierSource() + "|" + r.requested() + "|" + r.deployment()
                + "|" + r.reason(), r.requests()));
        assertThat(actual).isEqualTo(expected);
    }

    private static long nearestRank(List<Long> values, double q) {
        List<Long> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.get((int) Math.max(0, Math.ceil(q * sorted.size()) - 1));
    }

    /** The floor of the bucket of a duration, computed apart from Histogram: the largest lead below. */
    private static long twoDigits(long micros) {
        if (micros < 10) {
            return micros;
        }
        String digits = Long.toString(micros);
        int leading = Integer.parseInt(digits.substring(0, 2));
        int[] leads = {10, 11, 12, 13, 15, 17, 20, 23, 26, 30, 35, 40, 45, 50, 57, 65, 75, 86};
        int lead = 10;
        for (int candidate : leads) {
            if (candidate <= leading) {
                lead = candidate;
            }
        }
        long floor = Long.parseLong(lead + "0".repeat(digits.length() - 2));
        assertThat(micros - floor).as("bucket of %s at most 15 %% below", micros).isLessThanOrEqualTo(micros * 15 / 100);
        return floor;
    }
}
