package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Rollups of the ledger, kept by a trigger as each row is inserted, so the dashboard never scans the ledger: per
 * hour, {@code ledger_hourly} (tier, deployment, model, outcome) and {@code ledger_key_hourly} (key and team); per
 * day, {@code ledger_route_daily} (first attempts: tier source and the route reason) and {@code ledger_latency_daily}
 * (latency and time-to-first-token histograms per deployment), whose many distinct values would make hourly rows
 * nearly as many as the ledger's. Hours are the first 13 characters of {@code at_utc} ({@code 2026-12-01T22}) and
 * days the first 10, so both add up to the ledger's UTC days exactly. A row skipped by {@code ON CONFLICT DO
 * NOTHING} (a replayed row) fires no trigger and is not counted twice.
 *
 * <p>A histogram bucket is {@code digits * 100 + lead}: the number of digits of the duration in microseconds and the
 * largest of {@link #LEADS} not above its two leading digits (under 10 µs: 100 + the duration), so buckets sort in
 * duration order and none is more than 15 % wider than its floor. The statements are the same on both databases;
 * only the trigger wrapper differs (a trigger body on SQLite, a PL/pgSQL function on PostgreSQL). Rows already in the
 * ledger are rolled up here, once.
 */
public final class V10__ledger_rollups extends BaseJavaMigration {
    private static final List<String> TABLES = List.of("""
            CREATE TABLE ledger_hourly (
                hour               VARCHAR(13)  NOT NULL,
                tier               VARCHAR(50)  NOT NULL,
                deployment         VARCHAR(200) NOT NULL,
                served_model       VARCHAR(200) NOT NULL,
                provider           VARCHAR(100) NOT NULL,
                outcome            VARCHAR(50)  NOT NULL,
                attempts           BIGINT NOT NULL,
                requests           BIGINT NOT NULL,
                fell_back          BIGINT NOT NULL,
                later_attempts     BIGINT NOT NULL,
                input_tokens       BIGINT NOT NULL,
                output_tokens      BIGINT NOT NULL,
                cache_tokens       BIGINT NOT NULL,
                reasoning_tokens   BIGINT NOT NULL,
                estimated          BIGINT NOT NULL,
                cost_nano_usd      BIGINT NOT NULL,
                baseline_nano_usd  BIGINT NOT NULL,
                unpriced           BIGINT NOT NULL,
                unpriced_tokens    BIGINT NOT NULL,
                latency_us         BIGINT NOT NULL,
                ttft_count         BIGINT NOT NULL,
                ttft_us            BIGINT NOT NULL,
                PRIMARY KEY (hour, tier, deployment, served_model, provider, outcome)
            )""", """
            CREATE TABLE ledger_key_hourly (
                hour               VARCHAR(13)  NOT NULL,
                key_id             VARCHAR(64)  NOT NULL,
                team               VARCHAR(200) NOT NULL,
                attempts           BIGINT NOT NULL,
                requests           BIGINT NOT NULL,
                failures           BIGINT NOT NULL,
                input_tokens       BIGINT NOT NULL,
                output_tokens      BIGINT NOT NULL,
                cost_nano_usd      BIGINT NOT NULL,
                baseline_nano_usd  BIGINT NOT NULL,
                unpriced           BIGINT NOT NULL,
                PRIMARY KEY (hour, key_id, team)
            )""", """
            CREATE TABLE ledger_route_daily (
                day         VARCHAR(10)  NOT NULL,
                tier        VARCHAR(50)  NOT NULL,
                tier_source VARCHAR(20)  NOT NULL,
                requested   VARCHAR(10)  NOT NULL,
                deployment  VARCHAR(200) NOT NULL,
                reason      VARCHAR(500) NOT NULL,
                requests    BIGINT NOT NULL,
                PRIMARY KEY (day, tier, tier_source, requested, deployment, reason)
            )""", """
            CREATE TABLE ledger_latency_daily (
                day        VARCHAR(10)  NOT NULL,
                deployment VARCHAR(200) NOT NULL,
                metric     VARCHAR(10)  NOT NULL,
                bucket     INTEGER      NOT NULL,
                n          BIGINT       NOT NULL,
                PRIMARY KEY (day, deployment, metric, bucket)
            )""",
            "CREATE INDEX ledger_at ON ledger (at_utc, request_id)",
            "CREATE INDEX ledger_key_at_utc ON ledger (key_id, at_utc, request_id)");

    private static final String SOURCE = """
            CASE WHEN R.reason LIKE 'tier=% (header);%' THEN 'header'
                 WHEN R.reason LIKE 'tier=% (metadata);%' THEN 'metadata'
                 WHEN R.reason LIKE 'tier=% (api-key);%' THEN 'api-key'
                 WHEN R.reason LIKE 'tier=% (rule);%' THEN 'rule'
                 WHEN R.reason LIKE 'tier=% (classifier);%' THEN 'classifier'
                 WHEN R.reason LIKE 'tier=% (default);%' THEN 'default'
                 ELSE 'unknown' END""";

    /** The leading values of the histogram buckets within a decade: each at most 15 % wider than its floor. */
    static final int[] LEADS = {10, 11, 12, 13, 15, 17, 20, 23, 26, 30, 35, 40, 45, 50, 57, 65, 75, 86};

    private static String bucket(String micros) {
        String text = "CAST(" + micros + " AS TEXT)";
        String leading = "CAST(substr(" + text + ", 1, 2) AS INTEGER)";
        StringBuilder lead = new StringBuilder("CASE");
        for (int i = LEADS.length - 1; i > 0; i--) {
            lead.append(" WHEN ").append(leading).append(" >= ").append(LEADS[i]).append(" THEN ").append(LEADS[i]);
        }
        lead.append(" ELSE ").append(LEADS[0]).append(" END");
        return "CASE WHEN " + micros + " < 10 THEN (CASE WHEN " + micros + " < 1 THEN 0 ELSE 100 + " + micros
                + " END) ELSE length(" + text + ") * 100 + " + lead + " END";
    }

    /** The upserts that add the ledger rows of {@code source} (aliased R) to the rollups. */
    private static List<String> upserts(String source) {
        String hour = "substr(R.at_utc, 1, 13)";
        String hourly = """
                INSERT INTO ledger_hourly (hour, tier, deployment, served_model, provider, outcome, attempts, requests,
                    fell_back, later_attempts, input_tokens, output_tokens, cache_tokens, reasoning_tokens, estimated,
                    cost_nano_usd, baseline_nano_usd, unpriced, unpriced_tokens, latency_us, ttft_count, ttft_us)
                SELECT %1$s, R.tier, R.deployment, R.served_model, R.provider, COALESCE(R.error_class, ''), COUNT(*),
                    SUM(CASE WHEN R.attempt = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN R.attempt = 2 THEN 1 ELSE 0 END),
                    SUM(CASE WHEN R.attempt > 1 THEN 1 ELSE 0 END), SUM(R.input_tokens), SUM(R.output_tokens),
                    SUM(R.cache_read_tokens + R.cache_write_tokens), SUM(R.reasoning_tokens), SUM(R.tokens_estimated),
                    SUM(R.cost_nano_usd), SUM(CASE WHEN R.unpriced = 0 THEN R.baseline_nano_usd ELSE 0 END),
                    SUM(R.unpriced), SUM(CASE WHEN R.unpriced = 0 THEN 0
                        ELSE R.input_tokens + R.output_tokens + R.cache_read_tokens + R.cache_write_tokens END),
                    SUM(R.latency_us), SUM(CASE WHEN R.ttft_us IS NULL THEN 0 ELSE 1 END), SUM(COALESCE(R.ttft_us, 0))
                FROM %2$s WHERE 1 = 1
                GROUP BY %1$s, R.tier, R.deployment, R.served_model, R.provider, COALESCE(R.error_class, '')
                ON CONFLICT (hour, tier, deployment, served_model, provider, outcome) DO UPDATE SET
                    attempts = ledger_hourly.attempts + excluded.attempts,
                    requests = ledger_hourly.requests + excluded.requests,
                    fell_back = ledger_hourly.fell_back + excluded.fell_back,
                    later_attempts = ledger_hourly.later_attempts + excluded.later_attempts,
                    input_tokens = ledger_hourly.input_tokens + excluded.input_tokens,
                    output_tokens = ledger_hourly.output_tokens + excluded.output_tokens,
                    cache_tokens = ledger_hourly.cache_tokens + excluded.cache_tokens,
                    reasoning_tokens = ledger_hourly.reasoning_tokens + excluded.reasoning_tokens,
                    estimated = ledger_hourly.estimated + excluded.estimated,
                    cost_nano_usd = ledger_hourly.cost_nano_usd + excluded.cost_nano_usd,
                    baseline_nano_usd = ledger_hourly.baseline_nano_usd + excluded.baseline_nano_usd,
                    unpriced = ledger_hourly.unpriced + excluded.unpriced,
                    unpriced_tokens = ledger_hourly.unpriced_tokens + excluded.unpriced_tokens,
                    latency_us = ledger_hourly.latency_us + excluded.latency_us,
                    ttft_count = ledger_hourly.ttft_count + excluded.ttft_count,
                    ttft_us = ledger_hourly.ttft_us + excluded.ttft_us""";
        String keys = """
                INSERT INTO ledger_key_hourly (hour, key_id, team, attempts, requests, failures, input_tokens,
                    output_tokens, cost_nano_usd, baseline_nano_usd, unpriced)
                SELECT %1$s, COALESCE(R.key_id, ''), COALESCE(R.team, ''), COUNT(*),
                    SUM(CASE WHEN R.attempt = 1 THEN 1 ELSE 0 END),
                    SUM(CASE WHEN R.error_class IS NULL THEN 0 ELSE 1 END), SUM(R.input_tokens), SUM(R.output_tokens),
                    SUM(R.cost_nano_usd), SUM(CASE WHEN R.unpriced = 0 THEN R.baseline_nano_usd ELSE 0 END),
                    SUM(R.unpriced)
                FROM %2$s WHERE 1 = 1
                GROUP BY %1$s, COALESCE(R.key_id, ''), COALESCE(R.team, '')
                ON CONFLICT (hour, key_id, team) DO UPDATE SET
                    attempts = ledger_key_hourly.attempts + excluded.attempts,
                    requests = ledger_key_hourly.requests + excluded.requests,
                    failures = ledger_key_hourly.failures + excluded.failures,
                    input_tokens = ledger_key_hourly.input_tokens + excluded.input_tokens,
                    output_tokens = ledger_key_hourly.output_tokens + excluded.output_tokens,
                    cost_nano_usd = ledger_key_hourly.cost_nano_usd + excluded.cost_nano_usd,
                    baseline_nano_usd = ledger_key_hourly.baseline_nano_usd + excluded.baseline_nano_usd,
                    unpriced = ledger_key_hourly.unpriced + excluded.unpriced""";
        String routes = """
                INSERT INTO ledger_route_daily (day, tier, tier_source, requested, deployment, reason, requests)
                SELECT %1$s, R.tier, %3$s, CASE WHEN R.requested_model = 'auto' THEN 'auto' ELSE 'named' END,
                    R.deployment, R.reason, COUNT(*)
                FROM %2$s WHERE R.attempt = 1
                GROUP BY %1$s, R.tier, %3$s, CASE WHEN R.requested_model = 'auto' THEN 'auto' ELSE 'named' END,
                    R.deployment, R.reason
                ON CONFLICT (day, tier, tier_source, requested, deployment, reason) DO UPDATE SET
                    requests = ledger_route_daily.requests + excluded.requests""";
        String latency = """
                INSERT INTO ledger_latency_daily (day, deployment, metric, bucket, n)
                SELECT %1$s, R.deployment, '%3$s', %4$s, COUNT(*)
                FROM %2$s WHERE %5$s IS NOT NULL
                GROUP BY %1$s, R.deployment, %4$s
                ON CONFLICT (day, deployment, metric, bucket) DO UPDATE SET n = ledger_latency_daily.n + excluded.n""";
        String day = "substr(R.at_utc, 1, 10)";
        return List.of(hourly.formatted(hour, source), keys.formatted(hour, source),
                routes.formatted(day, source, SOURCE),
                latency.formatted(day, source, "latency", bucket("R.latency_us"), "R.latency_us"),
                latency.formatted(day, source, "ttft", bucket("R.ttft_us"), "R.ttft_us"));
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("sqlite");
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                // on SQLite the rollups are stored in key order (a range of hours is one contiguous read)
                statement.execute(sqlite && table.startsWith("CREATE TABLE") ? table + " WITHOUT ROWID" : table);
            }
            for (String backfill : upserts("ledger R")) {
                statement.execute(backfill);
            }
            // the trigger runs the same grouped statements over a one-row table, reading the columns from NEW
            String body = String.join(";\n", upserts("(SELECT 1 AS one) one").stream()
                    .map(sql -> sql.replaceAll("\\bR\\.", "NEW.")).toList()) + ";\n";
            if (sqlite) {
                statement.execute("CREATE TRIGGER ledger_rollups AFTER INSERT ON ledger BEGIN\n" + body + "END");
            } else {
                statement.execute("CREATE FUNCTION ledger_rollup() RETURNS trigger LANGUAGE plpgsql AS $body$\nBEGIN\n"
                        + body + "RETURN NULL;\nEND\n$body$");
                statement.execute("CREATE TRIGGER ledger_rollups AFTER INSERT ON ledger FOR EACH ROW "
                        + "EXECUTE FUNCTION ledger_rollup()");
            }
        }
    }
}
