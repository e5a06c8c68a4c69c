package dev.gapwise.gateway.ledger;

import dev.gapwise.gateway.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.Locale;

/**
 * SQL for the ledger table and its rollups: each batch of rows is inserted and the new ones added to the rollup
 * tables in one transaction (see {@link LedgerRollup}); nothing else keeps the rollups, so every writer of the
 * ledger goes through {@link #insert}. Thread-safe (a connection per call).
 */
public final class LedgerStore {
    private static final String INSERT = """
            INSERT INTO ledger (request_id, attempt, at_utc, day, key_id, ingress, requested_model, served_model,
              deployment, provider, tier, reason, status, error_class, input_tokens, output_tokens, tokens_estimated,
              cost_nano_usd, baseline_deployment, baseline_nano_usd, latency_us, ttft_us, decision, anomaly,
              cache_read_tokens, cache_write_tokens, reasoning_tokens, team, at_ms, unpriced)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (request_id, attempt) DO NOTHING""";

    private final Database database;

    /** Why a write failed: the database could not be reached or was busy, or it refused the rows themselves. */
    enum Refusal { UNAVAILABLE, REFUSED }

    LedgerStore(Database database) {
        this.database = database;
    }

    /**
     * Inserts rows in one transaction and adds those that were not already present to the rollups, in the same
     * transaction; rows already present are left as they are and not counted again.
     */
    void insert(Collection<LedgerRow> rows) throws SQLException {
        try (Connection connection = database.connection()) {
            insert(connection, rows, database.sqlite());
        }
    }

    /**
     * Inserts rows as the ledger's writer does, on the caller's connection (tools and tests that write rows
     * themselves): one transaction, committed here, the rollups kept. Returns how many rows were new.
     */
    public static int insert(Connection connection, Collection<LedgerRow> rows) throws SQLException {
        boolean sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite");
        return insert(connection, rows, sqlite);
    }

    private static int insert(Connection connection, Collection<LedgerRow> rows, boolean sqlite) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            LedgerRollup rollup = new LedgerRollup(sqlite);
            int inserted = 0;
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                for (LedgerRow row : rows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                int[] counts = statement.executeBatch();
                if (!eachKnown(counts, rows.size())) {
                    // the driver does not say which rows were new (PostgreSQL's reWriteBatchedInserts): a row at a time
                    connection.rollback();
                    counts = new int[rows.size()];
                    int i = 0;
                    for (LedgerRow row : rows) {
                        bind(statement, row);
                        counts[i++] = statement.executeUpdate();
                    }
                }
                int i = 0;
                for (LedgerRow row : rows) {
                    if (counts[i++] > 0) {
                        rollup.add(row);
                        inserted++;
                    }
                }
            }
            rollup.write(connection);
            connection.commit();
            connection.setAutoCommit(autoCommit);
            return inserted;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** True when the driver reported, for each row, whether it was inserted (1) or already present (0). */
    private static boolean eachKnown(int[] counts, int rows) {
        if (counts.length != rows) {
            return false;
        }
        for (int count : counts) {
            if (count != 0 && count != 1) {
                return false;
            }
        }
        return true;
    }

    private static void bind(PreparedStatement statement, LedgerRow row) throws SQLException {
        int i = 0;
        statement.setString(++i, row.requestId());
        statement.setInt(++i, row.attempt());
        statement.setString(++i, row.atUtc());
        statement.setString(++i, row.day());
        statement.setString(++i, row.keyId());
        statement.setString(++i, row.ingress());
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
        statement.setInt(++i, row.tokensEstimated() ? 1 : 0);
        statement.setLong(++i, row.costNanoUsd());
        statement.setString(++i, row.baselineDeployment());
        statement.setLong(++i, row.baselineNanoUsd());
        statement.setLong(++i, row.latencyMicros());
        if (row.ttftMicros() < 0) {
            statement.setNull(++i, Types.BIGINT);
        } else {
            statement.setLong(++i, row.ttftMicros());
        }
        statement.setString(++i, row.decision());
        statement.setString(++i, row.anomaly());
        statement.setLong(++i, row.cacheReadTokens());
        statement.setLong(++i, row.cacheWriteTokens());
        statement.setLong(++i, row.reasoningTokens());
        statement.setString(++i, row.team());
        statement.setLong(++i, row.atMillis());
        statement.setInt(++i, row.unpriced() ? 1 : 0);
    }

    /**
     * Classifies a failed write: {@code UNAVAILABLE} when the database cannot be reached, is busy, or the error is
     * one that passes (connection, resources, operator intervention, serialization or deadlock); else {@code
     * REFUSED}, the rows themselves were rejected.
     */
    Refusal classify(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return Refusal.UNAVAILABLE;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57") || state.startsWith("58")) {
                    return Refusal.UNAVAILABLE;
                }
                String message = String.valueOf(sql.getMessage());
                if (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED") || message.contains("SQLITE_IOERR")
                        || message.contains("SQLITE_FULL") || message.contains("SQLITE_CANTOPEN")) {
                    return Refusal.UNAVAILABLE;
                }
            }
        }
        return reachable() ? Refusal.REFUSED : Refusal.UNAVAILABLE;
    }

    /** True when a connection can be had and answers within two seconds. */
    boolean reachable() {
        try (Connection connection = database.connection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
