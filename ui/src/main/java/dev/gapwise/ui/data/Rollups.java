package dev.gapwise.ui.data;

import dev.gapwise.gateway.ledger.LedgerReport;
import dev.gapwise.gateway.ledger.LedgerRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's figures, read from the rollups only (never the ledger itself), so each query's cost
 * grows with the hours in the range, not with the requests. Sums are the ledger's exactly: a day's line here is
 * the line {@code gapwise ledger} prints. Stateless; the caller owns the connection.
 */
public final class Rollups {
    /** No dashboard query runs longer than this. */
    public static final int QUERY_TIMEOUT_SECONDS = 5;

    private Rollups() {
    }

    /** Spend by UTC day, served model and tier, as {@link LedgerReport#lines} groups it, newest day first. */
    public static List<LedgerReport.Line> daily(Connection connection, HourRange range) throws SQLException {
        return Cube.read(connection, range).daily();
    }

    /**
     * One deployment's traffic and health over a range.
     *
     * @param requests  first attempts served by it
     * @param attempts  every attempt on it
     * @param failures  attempts that ended with an error class
     * @param fellBack  second attempts on it (a request that needed another deployment or a retry)
     * @param latency   the attempts' durations
     * @param ttft      time to first token of the streamed attempts
     */
    public record DeploymentTraffic(String deployment, String servedModel, String provider, long requests,
                                    long attempts, long failures, long fellBack, long costNanoUsd,
                                    long baselineNanoUsd, long unpriced, Histogram latency, Histogram ttft) {
    }

    /** Traffic and latency percentiles per deployment, busiest first. */
    public static List<DeploymentTraffic> deployments(Connection connection, HourRange range) throws SQLException {
        return deployments(connection, range, Cube.read(connection, range));
    }

    /** The same from a cube already read for the range (one read of the hourly rollup per page). */
    public static List<DeploymentTraffic> deployments(Connection connection, HourRange range, Cube cube)
            throws SQLException {
        Map<String, DeploymentTraffic> byDeployment = new LinkedHashMap<>();
        cube.deployments().forEach(t -> byDeployment.put(t.deployment(), t));
        String buckets = """
                SELECT deployment, metric, bucket, SUM(n) FROM ledger_latency_daily
                WHERE day >= ? AND day < ? GROUP BY deployment, metric, bucket""";
        try (PreparedStatement statement = prepare(connection, buckets, range.fromDay(), range.toDay());
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                DeploymentTraffic traffic = byDeployment.get(rs.getString(1));
                if (traffic != null) {
                    ("ttft".equals(rs.getString(2)) ? traffic.ttft() : traffic.latency()).add(rs.getInt(3), rs.getLong(4));
                }
            }
        }
        return List.copyOf(byDeployment.values());
    }

    /**
     * One key's spend over a range ({@code keyId} "" for requests without a key).
     */
    public record KeySpend(String keyId, String team, long requests, long attempts, long failures, long inputTokens,
                           long outputTokens, long costNanoUsd, long baselineNanoUsd, long unpriced) {
    }

    /** Spend per key (and its team), costliest first; only {@code onlyKey} when given. */
    public static List<KeySpend> keys(Connection connection, HourRange range, Optional<String> onlyKey)
            throws SQLException {
        String sql = "SELECT key_id, team, SUM(requests), SUM(attempts), SUM(failures), SUM(input_tokens), "
                + "SUM(output_tokens), SUM(cost_nano_usd), SUM(baseline_nano_usd), SUM(unpriced) "
                + "FROM ledger_key_hourly WHERE hour >= ? AND hour < ?" + (onlyKey.isPresent() ? " AND key_id = ?" : "")
                + " GROUP BY key_id, team ORDER BY SUM(cost_nano_usd) DESC, key_id";
        List<KeySpend> keys = new ArrayList<>();
        try (PreparedStatement statement = onlyKey.isPresent()
                ? prepare(connection, sql, range.from(), range.to(), onlyKey.get())
                : prepare(connection, sql, range.from(), range.to());
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                keys.add(new KeySpend(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
            }
        }
        return keys;
    }

    /** Spend per UTC day of one key, oldest first: day, requests, cost, baseline, unpriced. */
    public static List<KeySpend> keyDays(Connection connection, HourRange range, String keyId) throws SQLException {
        String sql = """
                SELECT substr(hour, 1, 10), '', SUM(requests), SUM(attempts), SUM(failures), SUM(input_tokens),
                       SUM(output_tokens), SUM(cost_nano_usd), SUM(baseline_nano_usd), SUM(unpriced)
                FROM ledger_key_hourly WHERE hour >= ? AND hour < ? AND key_id = ?
                GROUP BY substr(hour, 1, 10) ORDER BY substr(hour, 1, 10)""";
        List<KeySpend> days = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, range.from(), range.to(), keyId);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                days.add(new KeySpend(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
            }
        }
        return days;
    }

    /**
     * First attempts grouped by how the route was decided.
     *
     * @param tierSource header, metadata, api-key, rule, classifier, default (or unknown for rows without a summary)
     * @param requested  auto (the policy chose) or named (the client named a model)
     * @param reason     the route summary written on the first attempt
     */
    public record RouteCount(String tier, String tierSource, String requested, String deployment, String reason,
                             long requests) {
    }

    /** Route decisions, most frequent first; at most {@code limit} groups. */
    public static List<RouteCount> routes(Connection connection, HourRange range, int limit) throws SQLException {
        String sql = """
                SELECT tier, tier_source, requested, deployment, reason, SUM(requests) FROM ledger_route_daily
                WHERE day >= ? AND day < ? GROUP BY tier, tier_source, requested, deployment, reason
                ORDER BY SUM(requests) DESC, tier, deployment, reason""";
        List<RouteCount> routes = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, range.fromDay(), range.toDay())) {
            statement.setMaxRows(limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    routes.add(new RouteCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6)));
                }
            }
        }
        return routes;
    }

    /**
     * Traffic of one tier on one deployment (tier → deployment flows): requests are first attempts, attempts all.
     */
    public record TierFlow(String tier, String deployment, long requests, long attempts, long costNanoUsd,
                           long baselineNanoUsd, long unpriced, long inputTokens, long outputTokens) {
    }

    /** Every tier → deployment flow, largest first. */
    public static List<TierFlow> flows(Connection connection, HourRange range) throws SQLException {
        return Cube.read(connection, range).flows();
    }

    /** Failures per error class, most frequent first. */
    public static Map<String, Long> errors(Connection connection, HourRange range) throws SQLException {
        return Cube.read(connection, range).errors();
    }

    static PreparedStatement prepare(Connection connection, String sql, String... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }
}
