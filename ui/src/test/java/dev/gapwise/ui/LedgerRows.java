package dev.gapwise.ui;

import dev.gapwise.gateway.ledger.LedgerRow;
import dev.gapwise.gateway.ledger.LedgerStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but plausible ledger rows for the dashboard tests and benchmark, several attempts for some requests,
 * inserted through the ledger writer's own insert (which keeps the rollups) or, into a ledger from before the
 * rollups existed, with the same statement alone.
 */
public final class LedgerRows {
    public static final List<String> TIERS = List.of("critical", "elevated", "routine");
    public static final List<String> DEPLOYMENTS = List.of("gpt-4o@openai", "claude-sonnet@anthropic",
            "deepseek-v3@deepseek", "qwen-max@dashscope", "llama-local@ollama");
    public static final List<String> SOURCES = List.of("header", "api-key", "rule", "classifier", "default");
    private static final String INSERT = """
            INSERT INTO ledger (request_id, attempt, at_utc, day, key_id, ingress, requested_model, served_model,
              deployment, provider, tier, reason, status, error_class, input_tokens, output_tokens, tokens_estimated,
              cost_nano_usd, baseline_deployment, baseline_nano_usd, latency_us, ttft_us, decision, anomaly,
              cache_read_tokens, cache_write_tokens, reasoning_tokens, team, at_ms, unpriced)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (request_id, attempt) DO NOTHING""";

    /** One attempt as written. */
    public record Row(String requestId, int attempt, Instant at, String keyId, String team, String requestedModel,
                      String deployment, String tier, String reason, int status, String errorClass, long inputTokens,
                      long outputTokens, long costNanoUsd, long baselineNanoUsd, long latencyMicros, long ttftMicros,
                      boolean unpriced, long cacheRead) {
        public String servedModel() {
            return deployment.substring(0, deployment.indexOf('@'));
        }

        public String provider() {
            return deployment.substring(deployment.indexOf('@') + 1);
        }
    }

    private LedgerRows() {
    }

    /** {@code requests} random requests between {@code start} and {@code start + spanSeconds}. */
    public static List<Row> random(Random random, int requests, Instant start, long spanSeconds, int keys) {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            ids.add("key" + k);
        }
        return random(random, requests, start, spanSeconds, ids);
    }

    /** {@code requests} random requests by these keys (and some without a key). */
    public static List<Row> random(Random random, int requests, Instant start, long spanSeconds, List<String> keyIds) {
        int keys = keyIds.size();
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            String id = "req-" + Long.toHexString(random.nextLong());
            Instant at = start.plusMillis((long) (random.nextDouble() * spanSeconds * 1000));
            int keyIndex = random.nextInt(keys + 1);
            String key = keyIndex == keys ? null : keyIds.get(keyIndex);
            String team = key == null || keyIndex % 2 == 1 ? null : "team" + (keyIndex % 3);
            String tier = TIERS.get(random.nextInt(TIERS.size()));
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            boolean auto = random.nextInt(4) != 0;
            int attempts = random.nextInt(10) == 0 ? 2 + random.nextInt(2) : 1;
            for (int a = 1; a <= attempts; a++) {
                String deployment = DEPLOYMENTS.get(random.nextInt(DEPLOYMENTS.size()));
                boolean last = a == attempts;
                String error = last ? (random.nextInt(20) == 0 ? "upstream_5xx" : null)
                        : (random.nextBoolean() ? "timeout" : "rate_limited");
                boolean unpriced = deployment.endsWith("@ollama");
                long input = random.nextInt(4000);
                long output = error == null ? random.nextInt(1500) : 0;
                long cost = unpriced ? 0 : input * (1 + random.nextInt(5)) * 100 + output * 400;
                long baseline = input * 2_500 + output * 10_000;
                String reason = a == 1 ? "tier=" + tier + " (" + source + "); complexity=low; chose=" + deployment
                        + " (cheapest eligible, 3 of 5 eligible)" : "tier=" + tier + "; fallback " + (a - 1) + " of 2";
                long latency = 1 + (long) Math.exp(random.nextDouble() * 15);
                long ttft = random.nextBoolean() ? -1 : 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, latency));
                rows.add(new Row(id, a, at.plusMillis(a * 10L), key, team, auto ? "auto" : deployment, deployment,
                        tier, reason, error == null ? 200 : 503, error, input, output, cost, baseline, latency, ttft,
                        unpriced, random.nextInt(3) == 0 ? random.nextInt(1000) : 0));
            }
        }
        return rows;
    }

    /** Inserts rows as the gateway's ledger writer does (rollups kept), in batches of a few thousand. */
    public static void insert(Connection connection, List<Row> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += 5_000) {
            List<LedgerRow> batch = new ArrayList<>();
            for (Row row : rows.subList(from, Math.min(rows.size(), from + 5_000))) {
                batch.add(ledgerRow(row));
            }
            LedgerStore.insert(connection, batch);
        }
    }

    /** The row as the gateway stores it (the columns this fixture does not vary are fixed). */
    public static LedgerRow ledgerRow(Row row) {
        return new LedgerRow(row.requestId(), row.attempt(), row.at().toString(), row.keyId(), "openai",
                row.requestedModel(), row.servedModel(), row.deployment(), row.provider(), row.tier(), row.reason(),
                row.status(), row.errorClass(), row.inputTokens(), row.outputTokens(), false, row.costNanoUsd(),
                "gpt-4o@openai", row.baselineNanoUsd(), row.latencyMicros(), row.ttftMicros(),
                "tier " + row.tier() + " from a test", null, row.cacheRead(), 0, 0, row.team(),
                row.at().toEpochMilli(), row.unpriced());
    }

    /**
     * Inserts rows into the ledger table alone, in batches of a few thousand, one transaction each: for a ledger
     * migrated only up to before the rollups (V10 rolls up what it finds).
     */
    public static void insertWithoutRollups(Connection connection, List<Row> rows) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            int batched = 0;
            for (Row row : rows) {
                int i = 0;
                String atUtc = row.at().toString();
                statement.setString(++i, row.requestId());
                statement.setInt(++i, row.attempt());
                statement.setString(++i, atUtc);
                statement.setString(++i, atUtc.substring(0, 10));
                statement.setString(++i, row.keyId());
                statement.setString(++i, "openai");
                statement.setString(++i, row.requestedModel());
                statement.setString(++i, row.servedModel());
                statement.setString(++i, row.deployment());
                statement.setString(++i, row.provider());
                statement.setString(++i, row.tier());
                statement.setString(++i, row.reason());
                statement.setInt(++i, row.status());
                statement.setString(++i, row.errorClass());
                statement.setLong(++i, row.inputTokens());
                statement.setLong(++i, row.outputTokens());
                statement.setInt(++i, 0);
                statement.setLong(++i, row.costNanoUsd());
                statement.setString(++i, "gpt-4o@openai");
                statement.setLong(++i, row.baselineNanoUsd());
                statement.setLong(++i, row.latencyMicros());
                if (row.ttftMicros() < 0) {
                    statement.setNull(++i, Types.BIGINT);
                } else {
                    statement.setLong(++i, row.ttftMicros());
                }
                statement.setString(++i, "tier " + row.tier() + " from a test");
                statement.setString(++i, null);
                statement.setLong(++i, row.cacheRead());
                statement.setLong(++i, 0);
                statement.setLong(++i, 0);
                statement.setString(++i, row.team());
                statement.setLong(++i, row.at().toEpochMilli());
                statement.setInt(++i, row.unpriced() ? 1 : 0);
                statement.addBatch();
                if (++batched % 5_000 == 0) {
                    statement.executeBatch();
                    connection.commit();
                }
            }
            statement.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
