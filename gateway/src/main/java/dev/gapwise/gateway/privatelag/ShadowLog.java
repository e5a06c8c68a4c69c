package dev.gapwise.gateway.privatelag;

import dev.gapwise.gateway.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads scored shadow calls of a date range (UTC days, both included) with the served answer's cost from the
 * ledger (its successful attempt) and the request's feedback. A served answer whose ledger row is missing or
 * unpriced has an unknown cost, never $0. Stateless; a connection per call.
 */
public final class ShadowLog {
    private static final String PAIRS = """
            SELECT s.request_id, s.at_ms, s.tier, s.task, s.sample_share, s.served_deployment, s.served_model,
                   s.shadow_deployment, s.shadow_model, s.candidate, s.acceptable, s.basis, s.cost_nano_usd,
                   s.judge_cost_nano_usd, l.cost_nano_usd AS served_cost, l.unpriced AS served_unpriced,
                   f.score AS feedback, s.prompt_json, s.served_answer, s.shadow_answer
            FROM shadow_call s
            LEFT JOIN ledger l ON l.request_id = s.request_id AND l.error_class IS NULL AND l.deployment = s.served_deployment
            LEFT JOIN shadow_feedback f ON f.request_id = s.request_id
            WHERE s.acceptable IS NOT NULL AND s.day >= ? AND s.day <= ?
            ORDER BY s.at_ms, s.request_id, s.shadow_deployment""";

    private ShadowLog() {
    }

    public static List<ShadowPair> pairs(Database database, LocalDate from, LocalDate to) throws SQLException {
        return stored(database, from, to).stream().map(Stored::pair).toList();
    }

    /**
     * A scored pair with what was stored of it: the request as the client sent it (JSON in the client's dialect)
     * and each side's answer as neutral JSON; all empty when content storage was off or the retention has passed.
     */
    public record Stored(ShadowPair pair, Optional<String> promptJson, Optional<String> candidateAnswer,
                         Optional<String> referenceAnswer) {
    }

    /** Every scored pair of the window with its stored content, oldest first. */
    public static List<Stored> stored(Database database, LocalDate from, LocalDate to) throws SQLException {
        List<Stored> pairs = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(PAIRS)) {
            statement.setString(1, from.toString());
            statement.setString(2, to.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ShadowPair pair = pair(rows);
                    Optional<String> served = Optional.ofNullable(rows.getString("served_answer"));
                    Optional<String> shadow = Optional.ofNullable(rows.getString("shadow_answer"));
                    pairs.add(new Stored(pair, Optional.ofNullable(rows.getString("prompt_json")),
                            pair.candidateServed() ? served : shadow, pair.candidateServed() ? shadow : served));
                }
            }
        }
        return pairs;
    }

    private static ShadowPair pair(ResultSet rows) throws SQLException {
        boolean candidateServed = "served".equals(rows.getString("candidate"));
        long servedCostValue = rows.getLong("served_cost");
        OptionalLong servedCost = rows.wasNull() || rows.getInt("served_unpriced") == 1 ? OptionalLong.empty()
                : OptionalLong.of(servedCostValue);
        OptionalLong shadowCost = OptionalLong.of(rows.getLong("cost_nano_usd"));
        double feedbackValue = rows.getDouble("feedback");
        OptionalDouble feedback = rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(feedbackValue);
        boolean scored = rows.getInt("acceptable") == 1;
        Optional<Boolean> truth = ShadowPair.verdictFromFeedback(candidateServed, feedback);
        String served = rows.getString("served_deployment");
        String shadow = rows.getString("shadow_deployment");
        return new ShadowPair(rows.getString("request_id"), rows.getLong("at_ms"), rows.getString("tier"),
                rows.getString("task"), rows.getDouble("sample_share"), candidateServed ? served : shadow,
                candidateServed ? rows.getString("served_model") : rows.getString("shadow_model"),
                candidateServed ? shadow : served,
                candidateServed ? rows.getString("shadow_model") : rows.getString("served_model"),
                truth.orElse(scored), truth.isPresent() ? "feedback" : rows.getString("basis"),
                candidateServed ? servedCost : shadowCost, candidateServed ? shadowCost : servedCost, candidateServed,
                feedback, rows.getLong("judge_cost_nano_usd"));
    }
}
