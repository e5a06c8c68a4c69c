package dev.gapwise.gateway.ledger;

import dev.gapwise.gateway.store.Database;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Spend and savings from the ledger, grouped by day, served model and tier. Stateless. */
public final class LedgerReport {
    /**
     * One group.
     *
     * @param day          UTC day
     * @param servedModel  the catalog model that served
     * @param tier         risk tier
     * @param attempts     rows (attempts) in the group
     * @param failures     rows with an error class
     * @param inputTokens  prompt tokens at the full input rate
     * @param outputTokens completion tokens
     * @param estimated    rows whose tokens were estimated
     * @param cost         spend in USD
     * @param baseline     what the same tokens would have cost on the savings baseline (attempts with a known cost)
     * @param cachedTokens prompt tokens read from or written to the provider's cache
     * @param unpriced     attempts on deployments without a price: their cost is unknown and in neither sum
     */
    public record Line(String day, String servedModel, String tier, long attempts, long failures, long inputTokens,
                       long outputTokens, long estimated, BigDecimal cost, BigDecimal baseline, long cachedTokens,
                       long unpriced) {
        /** Baseline minus spend. */
        public BigDecimal savings() {
            return baseline.subtract(cost);
        }
    }

    private LedgerReport() {
    }

    /** Every group, newest day first, costliest first within a day. */
    public static List<Line> lines(Database database) throws SQLException {
        String sql = """
                SELECT day, served_model, tier, COUNT(*), SUM(CASE WHEN error_class IS NULL THEN 0 ELSE 1 END),
                       SUM(input_tokens), SUM(output_tokens), SUM(tokens_estimated), SUM(cost_nano_usd),
                       SUM(CASE WHEN unpriced = 0 THEN baseline_nano_usd ELSE 0 END),
                       SUM(cache_read_tokens + cache_write_tokens), SUM(unpriced)
                FROM ledger GROUP BY day, served_model, tier
                ORDER BY day DESC, SUM(cost_nano_usd) DESC, served_model, tier""";
        List<Line> lines = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                lines.add(new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), LedgerRow.usd(rs.getLong(9)),
                        LedgerRow.usd(rs.getLong(10)), rs.getLong(11), rs.getLong(12)));
            }
        }
        return lines;
    }

    /** Number of rows in the ledger. */
    public static long count(Database database) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM ledger");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
