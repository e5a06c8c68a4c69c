package dev.gapwise.routing.lab.eval;

import dev.gapwise.routing.lab.data.PairOutcomes;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The quality a router reaches at each share c of strong calls, on a grid of 0.5 % steps.
 *
 * <p>How it works: the router gives each prompt a score (higher = more in need of the strong model); at share c
 * the round(c·n) highest-scoring prompts go to the strong model and the rest to the weak one (ties broken by the
 * SHA-256 prefix of the id, so the curve is deterministic). PGR(c) = (q(c) − q_w) / (q_s − q_w); APGR is the
 * trapezoidal integral of PGR over the grid; CPT(x) and the calls for 95 % of q_s are read off the grid, so they
 * are multiples of 0.5 %. The random router is its expectation, PGR(c) = c. Immutable.
 */
public final class QualityCurve {
    /** Grid steps: c = 0, 0.005, …, 1. */
    public static final int GRID = 200;

    private final double strongQuality;
    private final double weakQuality;
    private final double[] quality;

    private QualityCurve(double strongQuality, double weakQuality, double[] quality) {
        this.strongQuality = strongQuality;
        this.weakQuality = weakQuality;
        this.quality = quality;
    }

    /** The curve of a router's scores on a pair (scores are per row of the pair). */
    public static QualityCurve of(PairOutcomes pair, double[] scores) {
        int[] weights = new int[pair.size()];
        Arrays.fill(weights, 1);
        return weighted(pair, order(pair, scores), weights);
    }

    /** The expected curve of random routing: PGR(c) = c. */
    public static QualityCurve random(PairOutcomes pair) {
        double qs = pair.strongQuality();
        double qw = pair.weakQuality();
        double[] quality = new double[GRID + 1];
        for (int g = 0; g <= GRID; g++) {
            quality[g] = qw + (qs - qw) * g / GRID;
        }
        return new QualityCurve(qs, qw, quality);
    }

    /** Row indices from the most to the least strong-worthy. */
    static int[] order(PairOutcomes pair, double[] scores) {
        if (scores.length != pair.size()) {
            throw new IllegalArgumentException("need one score per row: " + scores.length + " != " + pair.size());
        }
        return java.util.stream.IntStream.range(0, pair.size()).boxed()
                .sorted((a, b) -> {
                    int byScore = Double.compare(scores[b], scores[a]);
                    return byScore != 0 ? byScore : Long.compare(pair.tieBreak(a), pair.tieBreak(b));
                })
                .mapToInt(Integer::intValue).toArray();
    }

    /** The curve when row i counts weights[i] times (a bootstrap resample), given the router's order. */
    static QualityCurve weighted(PairOutcomes pair, int[] order, int[] weights) {
        long total = 0;
        double strongSum = 0;
        double weakSum = 0;
        for (int i = 0; i < pair.size(); i++) {
            total += weights[i];
            strongSum += weights[i] * pair.strong(i);
            weakSum += weights[i] * pair.weak(i);
        }
        double[] prefixGain = new double[order.length + 1];
        long[] prefixCount = new long[order.length + 1];
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            prefixGain[k + 1] = prefixGain[k] + weights[i] * (pair.strong(i) - pair.weak(i));
            prefixCount[k + 1] = prefixCount[k] + weights[i];
        }
        double[] quality = new double[GRID + 1];
        int k = 0;
        for (int g = 0; g <= GRID; g++) {
            long target = Math.round((double) g * total / GRID);
            while (k < order.length && prefixCount[k] < target) {
                k++;
            }
            // a row with weight > 1 may straddle the target: take the part of it that fits
            double gain = prefixGain[k];
            if (prefixCount[k] > target) {
                int row = order[k - 1];
                gain -= (prefixCount[k] - target) * (pair.strong(row) - pair.weak(row));
            }
            quality[g] = (weakSum + gain) / total;
        }
        return new QualityCurve(strongSum / total, weakSum / total, quality);
    }

    public double strongQuality() {
        return strongQuality;
    }

    public double weakQuality() {
        return weakQuality;
    }

    /** Quality at grid point g (c = g / GRID). */
    public double quality(int g) {
        return quality[g];
    }

    /** PGR at grid point g. */
    public double pgr(int g) {
        return (quality[g] - weakQuality) / (strongQuality - weakQuality);
    }

    /** ∫₀¹ PGR(c) dc by the trapezoidal rule on the grid. */
    public double apgr() {
        double area = 0;
        for (int g = 0; g < GRID; g++) {
            area += (pgr(g) + pgr(g + 1)) / 2;
        }
        return area / GRID;
    }

    /** CPT(x): the smallest strong-call share with PGR ≥ x; empty when never reached. */
    public OptionalDouble cpt(double x) {
        for (int g = 0; g <= GRID; g++) {
            if (pgr(g) >= x - 1e-12) {
                return OptionalDouble.of((double) g / GRID);
            }
        }
        return OptionalDouble.empty();
    }

    /** The smallest strong-call share whose quality reaches {@code fraction} of the strong model's. */
    public OptionalDouble callsFor(double fraction) {
        for (int g = 0; g <= GRID; g++) {
            if (quality[g] >= fraction * strongQuality - 1e-12) {
                return OptionalDouble.of((double) g / GRID);
            }
        }
        return OptionalDouble.empty();
    }
}
