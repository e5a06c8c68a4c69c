package dev.gapwise.gateway.spend;

import dev.gapwise.gateway.store.Database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for teams, budgets and the rate limits of keys and teams. Thread-safe (a connection per call). */
public final class AllowanceStore {
    private final Database database;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public AllowanceStore(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Everything stored, as loaded at one moment.
     *
     * @param teams   team names
     * @param members team by key id
     * @param budgets every budget
     * @param limits  every stored rate limit of a key or team
     */
    public record Stored(List<String> teams, Map<String, String> members, List<Budget> budgets, List<RateLimit> limits) {
        public static final Stored EMPTY = new Stored(List.of(), Map.of(), List.of(), List.of());

        public Stored {
            teams = List.copyOf(teams);
            members = Map.copyOf(members);
            budgets = List.copyOf(budgets);
            limits = List.copyOf(limits);
        }
    }

    /** Loads everything. */
    public Stored load() throws SQLException {
        List<String> teams = new ArrayList<>();
        Map<String, String> members = new HashMap<>();
        List<Budget> budgets = new ArrayList<>();
        List<RateLimit> limits = new ArrayList<>();
        try (Connection connection = database.connection()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM teams ORDER BY name");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    teams.add(rs.getString(1));
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT key_id, team FROM team_members");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    members.put(rs.getString(1), rs.getString(2));
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, scope, subject, target, period, "
                    + "amount_nano_usd, hard, time_zone FROM budgets ORDER BY scope, subject, period, target");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    budgets.add(new Budget(rs.getString(1), Scope.parse(rs.getString(2)).orElseThrow(), rs.getString(3),
                            rs.getString(4).isEmpty() ? Optional.empty() : Optional.of(rs.getString(4)),
                            BudgetPeriod.parse(rs.getString(5)).orElseThrow(), rs.getLong(6), rs.getInt(7) != 0,
                            ZoneId.of(rs.getString(8))));
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT scope, subject, metric, "
                    + "period_seconds, amount FROM rate_limits ORDER BY scope, subject, metric, period_seconds");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    limits.add(new RateLimit(Scope.parse(rs.getString(1)).orElseThrow(), rs.getString(2),
                            rs.getString(3).equals("tokens") ? RateLimit.Metric.TOKENS : RateLimit.Metric.REQUESTS,
                            rs.getLong(5), Duration.ofSeconds(rs.getLong(4))));
                }
            }
        }
        return new Stored(teams, members, budgets, limits);
    }

    /** Creates a team; false when one of that name exists. */
    public boolean createTeam(String name) throws SQLException {
        if (load().teams().contains(name)) {
            return false;
        }
        update("INSERT INTO teams (name, created_at) VALUES (?, ?)", name, clock.instant().toString());
        return true;
    }

    /** Deletes a team with its memberships, budgets and limits; false when there is none of that name. */
    public boolean deleteTeam(String name) throws SQLException {
        update("DELETE FROM team_members WHERE team = ?", name);
        update("DELETE FROM budgets WHERE scope = 'team' AND subject = ?", name);
        update("DELETE FROM rate_limits WHERE scope = 'team' AND subject = ?", name);
        return update("DELETE FROM teams WHERE name = ?", name) > 0;
    }

    /** Puts a key in a team (leaving any team it was in). */
    public void join(String team, String keyId) throws SQLException {
        update("DELETE FROM team_members WHERE key_id = ?", keyId);
        update("INSERT INTO team_members (key_id, team) VALUES (?, ?)", keyId, team);
    }

    /** Takes a key out of its team; false when it was in none. */
    public boolean leave(String keyId) throws SQLException {
        return update("DELETE FROM team_members WHERE key_id = ?", keyId) > 0;
    }

    /** Sets a budget: the one of the same scope, subject, period and target is changed (keeping its id), else added. */
    public void setBudget(Scope scope, String subject, SpendSpecs.BudgetSpec spec, ZoneId zone) throws SQLException {
        String target = spec.target().orElse("");
        int changed = update("UPDATE budgets SET amount_nano_usd = ?, hard = ?, time_zone = ? WHERE scope = ? AND "
                        + "subject = ? AND target = ? AND period = ?", spec.limitNanos(), spec.hard() ? 1 : 0, zone.getId(),
                scope.id(), subject, target, spec.period().id());
        if (changed == 0) {
            byte[] id = new byte[6];
            random.nextBytes(id);
            update("INSERT INTO budgets (id, scope, subject, target, period, amount_nano_usd, hard, time_zone, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "bud_" + HexFormat.of().formatHex(id), scope.id(),
                    subject, target, spec.period().id(), spec.limitNanos(), spec.hard() ? 1 : 0, zone.getId(),
                    clock.instant().toString());
        }
    }

    /** Removes a budget; false when there was none. */
    public boolean removeBudget(Scope scope, String subject, BudgetPeriod period, Optional<String> target)
            throws SQLException {
        return update("DELETE FROM budgets WHERE scope = ? AND subject = ? AND period = ? AND target = ?", scope.id(),
                subject, period.id(), target.orElse("")) > 0;
    }

    /** Sets a rate limit of a key or team, replacing the one of the same metric and period. */
    public void setLimit(RateLimit limit) throws SQLException {
        update("DELETE FROM rate_limits WHERE scope = ? AND subject = ? AND metric = ? AND period_seconds = ?",
                limit.scope().id(), limit.subject(), limit.metric().id(), limit.period().toSeconds());
        update("INSERT INTO rate_limits (scope, subject, metric, period_seconds, amount) VALUES (?, ?, ?, ?, ?)",
                limit.scope().id(), limit.subject(), limit.metric().id(), limit.period().toSeconds(), limit.amount());
    }

    /** Removes a rate limit; false when there was none. */
    public boolean removeLimit(Scope scope, String subject, RateLimit.Metric metric, Duration period) throws SQLException {
        return update("DELETE FROM rate_limits WHERE scope = ? AND subject = ? AND metric = ? AND period_seconds = ?",
                scope.id(), subject, metric.id(), period.toSeconds()) > 0;
    }

    private int update(String sql, Object... values) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }
}
