package dev.gapwise.ui.data;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request log, newest first, one keyset page at a time: a page is the requests (first attempts) before a
 * cursor of (time, request id), read through the {@code (at_utc, request_id)} index ({@code (key_id, at_utc,
 * request_id)} for one key), then every attempt of just those requests by primary key. No OFFSET, no count of
 * everything: a page costs the same on the first day and on the ten-millionth row. Stateless.
 */
public final class RequestLog {
    /** The largest page. */
    public static final int MAX_PAGE = 200;

    private RequestLog() {
    }

    /**
     * What to show.
     *
     * @param keyId      only this key's requests
     * @param tier       only this tier
     * @param deployment only requests whose first attempt went to this deployment
     * @param fromDay    on or after this UTC day (YYYY-MM-DD)
     * @param toDay      on or before this UTC day
     */
    public record Filter(Optional<String> keyId, Optional<String> tier, Optional<String> deployment,
                         Optional<String> fromDay, Optional<String> toDay) {
        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** A position in the log: strictly before this time and request id. Encoded opaquely for URLs. */
    public record Cursor(String atUtc, String requestId) {
        public String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((atUtc + "\n" + requestId)
                    .getBytes(StandardCharsets.UTF_8));
        }

        /** The cursor of a URL parameter, or empty when it is not one. */
        public static Optional<Cursor> decode(String text) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int newline = plain.indexOf('\n');
                return newline < 0 ? Optional.empty()
                        : Optional.of(new Cursor(plain.substring(0, newline), plain.substring(newline + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** One attempt as the ledger holds it. */
    public record Attempt(String requestId, int attempt, String atUtc, String keyId, String team, String tier,
                          String requestedModel, String servedModel, String deployment, String provider, String reason,
                          int status, String errorClass, long inputTokens, long outputTokens, long cacheReadTokens,
                          long cacheWriteTokens, long reasoningTokens, boolean tokensEstimated, long costNanoUsd,
                          String baselineDeployment, long baselineNanoUsd, boolean unpriced, long latencyMicros,
                          Long ttftMicros, String decision, String anomaly) {
    }

    /** One request: its attempts in order. */
    public record Request(List<Attempt> attempts) {
        public Attempt first() {
            return attempts.getFirst();
        }

        public Attempt last() {
            return attempts.getLast();
        }

        public long costNanoUsd() {
            return attempts.stream().mapToLong(Attempt::costNanoUsd).sum();
        }

        public long baselineNanoUsd() {
            return attempts.stream().filter(a -> !a.unpriced()).mapToLong(Attempt::baselineNanoUsd).sum();
        }

        public long unpriced() {
            return attempts.stream().filter(Attempt::unpriced).count();
        }

        public long latencyMicros() {
            return attempts.stream().mapToLong(Attempt::latencyMicros).sum();
        }
    }

    /** A page and the cursor of the next one (empty on the last page). */
    public record Page(List<Request> requests, Optional<Cursor> next) {
    }

    static final String COLUMNS = "request_id, attempt, at_utc, key_id, team, tier, requested_model, served_model, "
            + "deployment, provider, reason, status, error_class, input_tokens, output_tokens, cache_read_tokens, "
            + "cache_write_tokens, reasoning_tokens, tokens_estimated, cost_nano_usd, baseline_deployment, "
            + "baseline_nano_usd, unpriced, latency_us, ttft_us, decision, anomaly";

    /** The page of at most {@code size} requests before {@code before} (from the newest when empty). */
    public static Page page(Connection connection, Filter filter, Optional<Cursor> before, int size) throws SQLException {
        int limit = Math.max(1, Math.min(MAX_PAGE, size));
        StringBuilder sql = new StringBuilder("SELECT at_utc, request_id FROM ledger WHERE attempt = 1");
        List<String> parameters = new ArrayList<>();
        where(filter, sql, parameters);
        before.ifPresent(cursor -> {
            sql.append(" AND (at_utc < ? OR (at_utc = ? AND request_id < ?))");
            parameters.add(cursor.atUtc());
            parameters.add(cursor.atUtc());
            parameters.add(cursor.requestId());
        });
        sql.append(filter.keyId().isPresent() ? " ORDER BY key_id DESC, at_utc DESC, request_id DESC"
                : " ORDER BY at_utc DESC, request_id DESC").append(" LIMIT ").append(limit + 1);
        List<String> ids = new ArrayList<>();
        Optional<Cursor> next = Optional.empty();
        try (PreparedStatement statement = Rollups.prepare(connection, sql.toString(), parameters.toArray(String[]::new));
             ResultSet rs = statement.executeQuery()) {
            Cursor last = null;
            while (rs.next()) {
                if (ids.size() == limit) {
                    next = Optional.of(last);
                    break;
                }
                ids.add(rs.getString(2));
                last = new Cursor(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, List<Attempt>> byRequest = attempts(connection, ids);
        List<Request> requests = new ArrayList<>();
        for (String id : ids) {
            List<Attempt> attempts = byRequest.get(id);
            if (attempts != null) {
                requests.add(new Request(List.copyOf(attempts)));
            }
        }
        return new Page(requests, next);
    }

    static void where(Filter filter, StringBuilder sql, List<String> parameters) {
        filter.keyId().ifPresent(key -> {
            sql.append(" AND key_id = ?");
            parameters.add(key);
        });
        filter.tier().ifPresent(tier -> {
            sql.append(" AND tier = ?");
            parameters.add(tier);
        });
        filter.deployment().ifPresent(deployment -> {
            sql.append(" AND deployment = ?");
            parameters.add(deployment);
        });
        filter.fromDay().ifPresent(day -> {
            sql.append(" AND at_utc >= ?");
            parameters.add(day);
        });
        filter.toDay().ifPresent(day -> {
            sql.append(" AND at_utc < ?");
            parameters.add(java.time.LocalDate.parse(day).plusDays(1).toString());
        });
    }

    /** Every attempt of one request, or empty when there is none. */
    public static Optional<Request> request(Connection connection, String requestId) throws SQLException {
        List<Attempt> attempts = attempts(connection, List.of(requestId)).get(requestId);
        return attempts == null ? Optional.empty() : Optional.of(new Request(List.copyOf(attempts)));
    }

    private static Map<String, List<Attempt>> attempts(Connection connection, List<String> ids) throws SQLException {
        Map<String, List<Attempt>> byRequest = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byRequest;
        }
        String sql = "SELECT " + COLUMNS + " FROM ledger WHERE request_id IN (" + "?, ".repeat(ids.size() - 1)
                + "?) ORDER BY request_id, attempt";
        try (PreparedStatement statement = Rollups.prepare(connection, sql, ids.toArray(String[]::new));
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Attempt attempt = read(rs);
                byRequest.computeIfAbsent(attempt.requestId(), id -> new ArrayList<>()).add(attempt);
            }
        }
        return byRequest;
    }

    static Attempt read(ResultSet rs) throws SQLException {
        long ttft = rs.getLong(25);
        Long ttftMicros = rs.wasNull() ? null : ttft;
        return new Attempt(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getInt(12), rs.getString(13), rs.getLong(14), rs.getLong(15), rs.getLong(16),
                rs.getLong(17), rs.getLong(18), rs.getInt(19) != 0, rs.getLong(20), rs.getString(21), rs.getLong(22),
                rs.getInt(23) != 0, rs.getLong(24), ttftMicros, rs.getString(26), rs.getString(27));
    }
}
