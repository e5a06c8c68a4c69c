package dev.gapwise.gateway.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollups of one batch of newly inserted ledger rows, summed in memory and added to the rollup tables with one
 * upsert per rollup key, in the transaction that inserted the rows (so a rolled-back batch adds nothing and a row
 * skipped as already present is never counted twice). Each figure is computed exactly as migration V10's SQL
 * computes it from the ledger's columns: hours and days are the first 13 and 10 characters of {@code at_utc}, the
 * tier source is the same {@code LIKE} match (ASCII case-insensitive on SQLite, as SQLite's {@code LIKE} is), the
 * latency buckets the same digits-and-lead buckets. Keys are written in sorted order, so two gateways adding to the
 * same rollup rows of a shared PostgreSQL lock them in the same order. Not thread-safe; one per batch.
 */
final class LedgerRollup {
    /** The leading values of the histogram buckets within a decade (as in migration V10 and the dashboard). */
    private static final int[] LEADS = {10, 11, 12, 13, 15, 17, 20, 23, 26, 30, 35, 40, 45, 50, 57, 65, 75, 86};
    /** The tier sources in the order V10's {@code CASE} tries them. */
    private static final List<String> SOURCES = List.of("header", "metadata", "api-key", "rule", "classifier", "default");
    private static final List<String> MARKS = SOURCES.stream().map(source -> " (" + source + ");").toList();

    private static final String HOURLY = """
            INSERT INTO ledger_hourly (hour, tier, deployment, served_model, provider, outcome, attempts, requests,
                fell_back, later_attempts, input_tokens, output_tokens, cache_tokens, reasoning_tokens, estimated,
                cost_nano_usd, baseline_nano_usd, unpriced, unpriced_tokens, latency_us, ttft_count, ttft_us)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (hour, tier, deployment, served_model, provider, outcome) DO UPDATE SET
                attempts = ledger_hourly.attempts + excluded.attempts,
                requests = ledger_hourly.requests + excluded.requests,
                fell_back = ledger_hourly.fell_back + excluded.fell_back,
                later_attempts = ledger_hourly.later_attempts + excluded.later_attempts,
                input_tokens = ledger_hourly.input_tokens + excluded.input_tokens,
                output_tokens = ledger_hourly.output_tokens + excluded.output_tokens,
                cache_tokens = ledger_hourly.cache_tokens + excluded.cache_tokens,
                reasoning_tokens = ledger_hourly.reasoning_tokens + excluded.reasoning_tokens,
                estimated = ledger_hourly.estimated + excluded.estimated,
                cost_nano_usd = ledger_hourly.cost_nano_usd + excluded.cost_nano_usd,
                baseline_nano_usd = ledger_hourly.baseline_nano_usd + excluded.baseline_nano_usd,
                unpriced = ledger_hourly.unpriced + excluded.unpriced,
                unpriced_tokens = ledger_hourly.unpriced_tokens + excluded.unpriced_tokens,
                latency_us = ledger_hourly.latency_us + excluded.latency_us,
                ttft_count = ledger_hourly.ttft_count + excluded.ttft_count,
                ttft_us = ledger_hourly.ttft_us + excluded.ttft_us""";
    private static final String KEYS = """
            INSERT INTO ledger_key_hourly (hour, key_id, team, attempts, requests, failures, input_tokens,
                output_tokens, cost_nano_usd, baseline_nano_usd, unpriced)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (hour, key_id, team) DO UPDATE SET
                attempts = ledger_key_hourly.attempts + excluded.attempts,
                requests = ledger_key_hourly.requests + excluded.requests,
                failures = ledger_key_hourly.failures + excluded.failures,
                input_tokens = ledger_key_hourly.input_tokens + excluded.input_tokens,
                output_tokens = ledger_key_hourly.output_tokens + excluded.output_tokens,
                cost_nano_usd = ledger_key_hourly.cost_nano_usd + excluded.cost_nano_usd,
                baseline_nano_usd = ledger_key_hourly.baseline_nano_usd + excluded.baseline_nano_usd,
                unpriced = ledger_key_hourly.unpriced + excluded.unpriced""";
    private static final String ROUTES = """
            INSERT INTO ledger_route_daily (day, tier, tier_source, requested, deployment, reason, requests)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (day, tier, tier_source, requested, deployment, reason) DO UPDATE SET
                requests = ledger_route_daily.requests + excluded.requests""";
    private static final String LATENCY = """
            INSERT INTO ledger_latency_daily (day, deployment, metric, bucket, n) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (day, deployment, metric, bucket) DO UPDATE SET n = ledger_latency_daily.n + excluded.n""";

    /** A {@code ledger_hourly} row's key. */
    private record Traffic(String hour, String tier, String deployment, String servedModel, String provider,
                           String outcome) {
        static final Comparator<Traffic> ORDER = Comparator.comparing(Traffic::hour).thenComparing(Traffic::tier)
                .thenComparing(Traffic::deployment).thenComparing(Traffic::servedModel)
                .thenComparing(Traffic::provider).thenComparing(Traffic::outcome);
    }

    /** A {@code ledger_key_hourly} row's key. */
    private record KeySpend(String hour, String keyId, String team) {
        static final Comparator<KeySpend> ORDER = Comparator.comparing(KeySpend::hour)
                .thenComparing(KeySpend::keyId).thenComparing(KeySpend::team);
    }

    /** A {@code ledger_route_daily} row's key. */
    private record Route(String day, String tier, String source, String requested, String deployment, String reason) {
        static final Comparator<Route> ORDER = Comparator.comparing(Route::day).thenComparing(Route::tier)
                .thenComparing(Route::source).thenComparing(Route::requested).thenComparing(Route::deployment)
                .thenComparing(Route::reason);
    }

    /** A {@code ledger_latency_daily} row's key. */
    private record Bucket(String day, String deployment, String metric, int bucket) {
        static final Comparator<Bucket> ORDER = Comparator.comparing(Bucket::day).thenComparing(Bucket::deployment)
                .thenComparing(Bucket::metric).thenComparingInt(Bucket::bucket);
    }

    private final boolean likeIgnoresCase;
    private final Map<Traffic, long[]> traffic = new HashMap<>();
    private final Map<KeySpend, long[]> keys = new HashMap<>();
    private final Map<Route, long[]> routes = new HashMap<>();
    private final Map<Bucket, long[]> latency = new HashMap<>();

    /** @param likeIgnoresCase true on SQLite, whose {@code LIKE} ignores the case of ASCII letters */
    LedgerRollup(boolean likeIgnoresCase) {
        this.likeIgnoresCase = likeIgnoresCase;
    }

    /** Adds a row the database has just inserted. */
    void add(LedgerRow row) throws SQLException {
        String hour = prefix(row.atUtc(), 13);
        String day = prefix(row.atUtc(), 10);
        boolean first = row.attempt() == 1;
        boolean priced = !row.unpriced();
        boolean ttft = row.ttftMicros() >= 0;
        long[] t = traffic.computeIfAbsent(new Traffic(hour, row.tier(), row.deployment(), row.servedModel(),
                row.provider(), orEmpty(row.errorClass())), k -> new long[16]);
        sum(t, 0, 1);
        sum(t, 1, first ? 1 : 0);
        sum(t, 2, row.attempt() == 2 ? 1 : 0);
        sum(t, 3, row.attempt() > 1 ? 1 : 0);
        sum(t, 4, row.inputTokens());
        sum(t, 5, row.outputTokens());
        sum(t, 6, plus(row.cacheReadTokens(), row.cacheWriteTokens()));
        sum(t, 7, row.reasoningTokens());
        sum(t, 8, row.tokensEstimated() ? 1 : 0);
        sum(t, 9, row.costNanoUsd());
        sum(t, 10, priced ? row.baselineNanoUsd() : 0);
        sum(t, 11, priced ? 0 : 1);
        sum(t, 12, priced ? 0 : plus(plus(row.inputTokens(), row.outputTokens()),
                plus(row.cacheReadTokens(), row.cacheWriteTokens())));
        sum(t, 13, row.latencyMicros());
        sum(t, 14, ttft ? 1 : 0);
        sum(t, 15, ttft ? row.ttftMicros() : 0);
        long[] k = keys.computeIfAbsent(new KeySpend(hour, orEmpty(row.keyId()), orEmpty(row.team())),
                key -> new long[8]);
        sum(k, 0, 1);
        sum(k, 1, first ? 1 : 0);
        sum(k, 2, row.errorClass() == null ? 0 : 1);
        sum(k, 3, row.inputTokens());
        sum(k, 4, row.outputTokens());
        sum(k, 5, row.costNanoUsd());
        sum(k, 6, priced ? row.baselineNanoUsd() : 0);
        sum(k, 7, priced ? 0 : 1);
        if (first) {
            Route route = new Route(day, row.tier(), source(row.reason()),
                    row.requestedModel().equals("auto") ? "auto" : "named", row.deployment(), row.reason());
            routes.computeIfAbsent(route, key -> new long[1])[0]++;
        }
        latency.computeIfAbsent(new Bucket(day, row.deployment(), "latency", bucket(row.latencyMicros())),
                key -> new long[1])[0]++;
        if (ttft) {
            latency.computeIfAbsent(new Bucket(day, row.deployment(), "ttft", bucket(row.ttftMicros())),
                    key -> new long[1])[0]++;
        }
    }

    /** Adds the batch's sums to the rollup tables, on the caller's connection and in its transaction. */
    void write(Connection connection) throws SQLException {
        if (traffic.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(HOURLY)) {
            for (Map.Entry<Traffic, long[]> entry : sorted(traffic, Traffic.ORDER)) {
                Traffic key = entry.getKey();
                int i = bind(statement, key.hour(), key.tier(), key.deployment(), key.servedModel(), key.provider(),
                        key.outcome());
                bind(statement, i, entry.getValue());
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(KEYS)) {
            for (Map.Entry<KeySpend, long[]> entry : sorted(keys, KeySpend.ORDER)) {
                KeySpend key = entry.getKey();
                bind(statement, bind(statement, key.hour(), key.keyId(), key.team()), entry.getValue());
            }
            statement.executeBatch();
        }
        if (!routes.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(ROUTES)) {
                for (Map.Entry<Route, long[]> entry : sorted(routes, Route.ORDER)) {
                    Route key = entry.getKey();
                    bind(statement, bind(statement, key.day(), key.tier(), key.source(), key.requested(),
                            key.deployment(), key.reason()), entry.getValue());
                }
                statement.executeBatch();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(LATENCY)) {
            for (Map.Entry<Bucket, long[]> entry : sorted(latency, Bucket.ORDER)) {
                Bucket key = entry.getKey();
                statement.setString(1, key.day());
                statement.setString(2, key.deployment());
                statement.setString(3, key.metric());
                statement.setInt(4, key.bucket());
                statement.setLong(5, entry.getValue()[0]);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * The histogram bucket of a duration: {@code digits * 100 + lead} for the number of digits of the duration in
     * microseconds and the largest lead not above its two leading digits; under 10 µs, 100 + the duration; 0 below 1.
     */
    static int bucket(long micros) {
        if (micros < 10) {
            return micros < 1 ? 0 : (int) (100 + micros);
        }
        int digits = 2;
        long leading = micros;
        while (leading >= 100) {
            leading /= 10;
            digits++;
        }
        int lead = LEADS[0];
        for (int i = LEADS.length - 1; i > 0; i--) {
            if (leading >= LEADS[i]) {
                lead = LEADS[i];
                break;
            }
        }
        return digits * 100 + lead;
    }

    /** How the tier was chosen, read from the route reason as V10's {@code LIKE 'tier=% (source);%'} reads it. */
    String source(String reason) {
        if (!startsWith(reason, "tier=")) {
            return "unknown";
        }
        for (int i = 0; i < SOURCES.size(); i++) {
            if (contains(reason, MARKS.get(i), 5)) {
                return SOURCES.get(i);
            }
        }
        return "unknown";
    }

    private boolean startsWith(String text, String prefix) {
        return text.length() >= prefix.length() && same(text, 0, prefix);
    }

    private boolean contains(String text, String part, int from) {
        for (int at = from; at + part.length() <= text.length(); at++) {
            if (same(text, at, part)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code part} is at {@code at} in {@code text}, ignoring the case of ASCII letters on SQLite only. */
    private boolean same(String text, int at, String part) {
        for (int i = 0; i < part.length(); i++) {
            char a = text.charAt(at + i);
            char b = part.charAt(i);
            if (a != b && !(likeIgnoresCase && a < 128 && b < 128 && Character.toLowerCase(a) == Character.toLowerCase(b))) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code characters} characters (code points, as SQL's {@code substr} counts them). */
    private static String prefix(String text, int characters) {
        if (text.codePointCount(0, text.length()) <= characters) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, characters));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static void sum(long[] sums, int index, long value) throws SQLException {
        sums[index] = plus(sums[index], value);
    }

    /** A sum that overflows a BIGINT is refused, as the database refuses it (the row is then quarantined). */
    private static long plus(long a, long b) throws SQLException {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new SQLException("ledger rollup: a sum overflows a BIGINT", "22003", e);
        }
    }

    private static <K> List<Map.Entry<K, long[]>> sorted(Map<K, long[]> sums, Comparator<K> order) {
        return sums.entrySet().stream().sorted(Map.Entry.comparingByKey(order)).toList();
    }

    private static int bind(PreparedStatement statement, String... texts) throws SQLException {
        for (int i = 0; i < texts.length; i++) {
            statement.setString(i + 1, texts[i]);
        }
        return texts.length;
    }

    private static void bind(PreparedStatement statement, int bound, long[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setLong(bound + i + 1, values[i]);
        }
        statement.addBatch();
    }
}
