package dev.gapwise.ui.data;

import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A duration histogram read from {@code ledger_latency_daily}. A bucket is {@code digits * 100 + lead}: the number
 * of digits of a duration in microseconds and the largest of {@link #LEADS} not above its two leading digits (under
 * 10 µs, 100 + the duration; 0 for 0), so buckets sort in duration order and a nearest-rank percentile read here is
 * the floor of the bucket holding the exact percentile: at most 15 % below it. Mutable while it is filled; not
 * thread-safe.
 */
public final class Histogram {
    /** The leads of the buckets in a decade (the migration's SQL uses the same). */
    public static final int[] LEADS = {10, 11, 12, 13, 15, 17, 20, 23, 26, 30, 35, 40, 45, 50, 57, 65, 75, 86};
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
        if (micros < 10) {
            return 100 + (int) micros;
        }
        String digits = Long.toString(micros);
        int leading = Integer.parseInt(digits.substring(0, 2));
        int lead = LEADS[0];
        for (int candidate : LEADS) {
            if (candidate <= leading) {
                lead = candidate;
            }
        }
        return digits.length() * 100 + lead;
    }

    /** The smallest duration of a bucket, in microseconds. */
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
     * The floor of the bucket holding the nearest-rank percentile ({@code q} in (0, 1]), in microseconds (at most 15 %
     * below the exact percentile); empty when there is no duration.
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
