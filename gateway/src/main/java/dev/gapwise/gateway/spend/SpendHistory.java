package dev.gapwise.gateway.spend;

import dev.gapwise.gateway.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ledger says a budget's subject spent in a window: the starting point of a window's counter, so a budget
 * added mid-window counts the spend already made in it, and a counter lost with Redis is rebuilt. Rows of a team
 * budget are those written with the team (the key's team at the time of the request); rows of a model budget those
 * served by that model or deployment; rows without a price count nothing (their cost is unknown). Thread-safe.
 */
public final class SpendHistory {
    private final Database database;

    public SpendHistory(Database database) {
        this.database = database;
    }

    /** Nano-USD the ledger holds for {@code budget} in {@code window}. */
    public long spent(Budget budget, Window window) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(cost_nano_usd), 0) FROM ledger WHERE ")
                .append(budget.scope() == Scope.TEAM ? "team = ?" : "key_id = ?");
        List<Object> values = new ArrayList<>(List.of(budget.subject()));
        if (window.end().isPresent()) {
            // at_ms is 0 in rows written before the column existed: those are compared by their ISO instant
            sql.append(" AND ((at_ms >= ? AND at_ms < ?) OR (at_ms = 0 AND at_utc >= ? AND at_utc < ?))");
            values.add(window.start().toEpochMilli());
            values.add(window.end().get().toEpochMilli());
            values.add(window.start().toString());
            values.add(window.end().get().toString());
        }
        if (budget.target().isPresent()) {
            sql.append(" AND (deployment = ? OR served_model = ?)");
            values.add(budget.target().get());
            values.add(budget.target().get());
        }
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
