package dev.gapwise.ui.data;

import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A duration histogram read from {@code ledger_latency_hourly}. A bucket keeps the number of digits and the two
 * leading digits of a duration in microseconds ({@code digits * 100 + leading}; under 10 µs, the one digit; 0 for
 * 0), so buckets sort in duration order and a nearest-rank percentile read here is the exact percentile truncated
 * to two significant digits. Mutable while it is filled; not thread-safe.
 */
public final class Histogram {
    private final NavigableMap<Integer, Long> counts = new TreeMap<>();
    private long total;

    /** Adds {@code n} durations of {@code bucket}. */
    public void add(int bucket, long n) {
        counts.merge(bucket, n, Long::sum);
        total += n;
    }

    /** The bucket of a duration in microseconds (the same formula as the migration's SQL). */
    public static int bucketOf(long micros) {
        if (micros < 1) {
            return 0;
        }
        String digits = Long.toString(micros);
        return digits.length() * 100 + Integer.parseInt(digits.substring(0, Math.min(2, digits.length())));
    }

    /** The smallest duration of a bucket, in microseconds: the two significant digits it keeps. */
    public static long floorOf(int bucket) {
        int digits = bucket / 100;
        long leading = bucket % 100;
        if (digits <= 2) {
            return bucket == 0 ? 0 : leading;
        }
        return leading * pow10(digits - 2);
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    /** How many durations. */
    public long count() {
        return total;
    }

    /**
     * The nearest-rank percentile ({@code q} in (0, 1]) truncated to two significant digits, in microseconds; empty
     * when there is no duration.
     */
    public OptionalLong percentile(double q) {
        if (total == 0) {
            return OptionalLong.empty();
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return OptionalLong.of(floorOf(entry.getKey()));
            }
        }
        return OptionalLong.of(floorOf(counts.lastKey()));
    }
}
