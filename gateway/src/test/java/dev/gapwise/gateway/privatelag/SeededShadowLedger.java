package dev.gapwise.gateway.privatelag;

import dev.gapwise.gateway.store.Database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Writes ledger, shadow_call and shadow_feedback rows straight into a migrated SQLite database, for report tests. */
final class SeededShadowLedger {
    final Database database;

    SeededShadowLedger(Path dir) {
        database = Database.open("jdbc:sqlite:" + dir.resolve("seeded.db"));
    }

    /**
     * One served request and its shadow call.
     *
     * @param servedCost nano-USD of the served answer, or -1 for an unpriced deployment
     * @param candidate  "served" when the served deployment is the cheaper one
     */
    void pair(String id, Instant at, String tier, String task, double share, String served, String servedModel,
              long servedCost, String shadow, String shadowModel, long shadowCost, String candidate, boolean acceptable,
              String prompt, String servedAnswer, String shadowAnswer) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement ledger = connection.prepareStatement("""
                     INSERT INTO ledger (request_id, attempt, at_utc, day, ingress, requested_model, served_model,
                       deployment, provider, tier, reason, status, input_tokens, output_tokens, tokens_estimated,
                       cost_nano_usd, baseline_nano_usd, latency_us, unpriced)
                     VALUES (?, 1, ?, ?, 'openai', 'auto', ?, ?, 'p', ?, 'test', 200, 10, 10, 0, ?, 0, 1000, ?)""");
             PreparedStatement call = connection.prepareStatement("""
                     INSERT INTO shadow_call (request_id, shadow_deployment, at_utc, day, at_ms, tier, task, sample_share,
                       served_deployment, served_model, shadow_model, status, input_tokens, output_tokens, cost_nano_usd,
                       unpriced, latency_us, candidate, acceptable, basis, judge_cost_nano_usd, prompt_json,
                       served_answer, shadow_answer, expires_ms)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 200, 10, 10, ?, 0, 1000, ?, ?, 'similarity', 0, ?, ?, ?, ?)""")) {
            ledger.setString(1, id);
            ledger.setString(2, at.toString());
            ledger.setString(3, at.toString().substring(0, 10));
            ledger.setString(4, servedModel);
            ledger.setString(5, served);
            ledger.setString(6, tier);
            ledger.setLong(7, Math.max(0, servedCost));
            ledger.setInt(8, servedCost < 0 ? 1 : 0);
            ledger.executeUpdate();
            int i = 0;
            call.setString(++i, id);
            call.setString(++i, shadow);
            call.setString(++i, at.toString());
            call.setString(++i, at.toString().substring(0, 10));
            call.setLong(++i, at.toEpochMilli());
            call.setString(++i, tier);
            call.setString(++i, task);
            call.setDouble(++i, share);
            call.setString(++i, served);
            call.setString(++i, servedModel);
            call.setString(++i, shadowModel);
            call.setLong(++i, shadowCost);
            call.setString(++i, candidate);
            call.setInt(++i, acceptable ? 1 : 0);
            call.setString(++i, prompt);
            call.setString(++i, servedAnswer);
            call.setString(++i, shadowAnswer);
            if (prompt == null) {
                call.setNull(++i, java.sql.Types.BIGINT);
            } else {
                call.setLong(++i, at.plusSeconds(86_400 * 30).toEpochMilli());
            }
            call.executeUpdate();
        }
    }

    void feedback(String id, double score) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "INSERT INTO shadow_feedback (request_id, at_utc, score) VALUES (?, '2026-11-05T00:00:00Z', ?)")) {
            statement.setString(1, id);
            statement.setDouble(2, score);
            statement.executeUpdate();
        }
    }
}
