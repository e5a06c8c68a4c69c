package dev.gapwise.gap.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Count, mean, median, minimum, maximum and the 5th/95th percentiles of a list of values (linear
 * interpolation between order statistics, numpy's default). Immutable.
 *
 * @param count  number of values
 * @param mean   arithmetic mean
 * @param median 50th percentile
 * @param min    smallest value
 * @param max    largest value
 * @param p5     5th percentile
 * @param p95    95th percentile
 */
public record Summary(int count, double mean, double median, double min, double max, double p5, double p95) {

    /** Summarises the values; an empty list is an {@link IllegalArgumentException}. */
    public static Summary of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("cannot summarise an empty list");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(sorted).sum() / sorted.length;
        return new Summary(sorted.length, mean, percentileOfSorted(sorted, 0.5), sorted[0], sorted[sorted.length - 1],
                percentileOfSorted(sorted, 0.05), percentileOfSorted(sorted, 0.95));
    }

    /** The q-quantile (q in 0..1) of the values, interpolating linearly like numpy's default. */
    public static double percentile(List<Double> values, double q) {
        return percentileOfSorted(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), q);
    }

    /** The q-quantile of already sorted values. */
    public static double percentileOfSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be in 0..1, got " + q);
        }
        double h = (sorted.length - 1) * q;
        int i = (int) Math.floor(h);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double t = h - i;
        double a = sorted[i];
        double b = sorted[i + 1];
        // numpy interpolates from the nearer end, which keeps results bit-identical to its output.
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }
}
