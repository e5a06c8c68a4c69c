package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.score.PairScore;
import dev.gapwise.gateway.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Optional;

/** SQL for {@code shadow_call} and {@code shadow_feedback}. Thread-safe (a connection per call). */
public final class ShadowStore {
    private static final String INSERT = """
            INSERT INTO shadow_call (request_id, shadow_deployment, at_utc, day, at_ms, key_id, tier, task,
              sample_share, served_deployment, served_model, shadow_model, status, error, input_tokens, output_tokens,
              cost_nano_usd, unpriced, latency_us, candidate, acceptable, basis, similarity, judge_score, detail,
              judge_deployment, judge_cost_nano_usd, prompt_json, served_answer, shadow_answer, expires_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (request_id, shadow_deployment) DO NOTHING""";

    private final Database database;

    public ShadowStore(Database database) {
        this.database = database;
    }

    void write(ShadowRow row) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(INSERT)) {
            int i = 0;
            statement.setString(++i, row.requestId());
            statement.setString(++i, row.shadowDeployment());
            statement.setString(++i, row.atUtc());
            statement.setString(++i, row.atUtc().substring(0, 10));
            statement.setLong(++i, row.atMillis());
            statement.setString(++i, row.keyId().orElse(null));
            statement.setString(++i, row.tier());
            statement.setString(++i, row.task());
            statement.setDouble(++i, row.sampleShare());
            statement.setString(++i, row.servedDeployment());
            statement.setString(++i, row.servedModel());
            statement.setString(++i, row.shadowModel());
            statement.setInt(++i, row.status());
            statement.setString(++i, row.error().orElse(null));
            statement.setLong(++i, row.inputTokens());
            statement.setLong(++i, row.outputTokens());
            statement.setLong(++i, row.costNanoUsd());
            statement.setLong(++i, row.latencyMicros());
            statement.setString(++i, row.candidate().orElse(null));
            Optional<PairScore> score = row.score();
            if (score.isPresent()) {
                statement.setInt(++i, score.get().acceptable() ? 1 : 0);
                statement.setString(++i, score.get().basis().id());
                if (Double.isNaN(score.get().similarity())) {
                    statement.setNull(++i, Types.DOUBLE);
                } else {
                    statement.setDouble(++i, score.get().similarity());
                }
                if (row.judgeScore().isPresent()) {
                    statement.setInt(++i, row.judgeScore().getAsInt());
                } else {
                    statement.setNull(++i, Types.INTEGER);
                }
                statement.setString(++i, score.get().detail());
            } else {
                statement.setNull(++i, Types.INTEGER);
                statement.setNull(++i, Types.VARCHAR);
                statement.setNull(++i, Types.DOUBLE);
                statement.setNull(++i, Types.INTEGER);
                statement.setNull(++i, Types.VARCHAR);
            }
            statement.setString(++i, row.judgeDeployment().orElse(null));
            statement.setLong(++i, row.judgeCostNanoUsd());
            statement.setString(++i, row.content().map(ShadowRow.Content::promptJson).orElse(null));
            statement.setString(++i, row.content().map(ShadowRow.Content::servedAnswerJson).orElse(null));
            statement.setString(++i, row.content().map(ShadowRow.Content::shadowAnswerJson).orElse(null));
            if (row.expiresMillis().isPresent()) {
                statement.setLong(++i, row.expiresMillis().get());
            } else {
                statement.setNull(++i, Types.BIGINT);
            }
            statement.executeUpdate();
        }
    }

    /** Nano-USD spent on shadow and judge calls on a UTC day. */
    long spentOn(LocalDate day) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COALESCE(SUM(cost_nano_usd + judge_cost_nano_usd), 0) FROM shadow_call WHERE day = ?")) {
            statement.setString(1, day.toString());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** Erases stored prompts and answers whose retention has passed; returns how many rows were erased. */
    public int purge(long nowMillis) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement("UPDATE shadow_call SET prompt_json = NULL, "
                     + "served_answer = NULL, shadow_answer = NULL, expires_ms = NULL WHERE expires_ms <= ?")) {
            statement.setLong(1, nowMillis);
            return statement.executeUpdate();
        }
    }

    /** True when the ledger has a request with this id (of this key, when one is given). */
    boolean requestExists(String requestId, Optional<String> keyId) throws SQLException {
        String sql = "SELECT 1 FROM ledger WHERE request_id = ?" + (keyId.isPresent() ? " AND key_id = ?" : "");
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, requestId);
            if (keyId.isPresent()) {
                statement.setString(2, keyId.get());
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Records (or replaces) the feedback on a request. */
    void feedback(String requestId, String atUtc, Optional<String> keyId, double score, Optional<String> comment)
            throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM shadow_feedback WHERE request_id = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO shadow_feedback "
                         + "(request_id, at_utc, key_id, score, comment) VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, requestId);
                delete.executeUpdate();
                insert.setString(1, requestId);
                insert.setString(2, atUtc);
                insert.setString(3, keyId.orElse(null));
                insert.setDouble(4, score);
                insert.setString(5, comment.orElse(null));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
