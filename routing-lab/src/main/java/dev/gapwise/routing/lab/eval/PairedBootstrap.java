package dev.gapwise.routing.lab.eval;

import dev.gapwise.routing.lab.data.PairOutcomes;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Paired bootstrap of APGR: the same resampled prompts score both routers, so the interval of their difference
 * reflects the routers, not the luck of the draw. Deterministic for a seed. Stateless.
 */
public final class PairedBootstrap {
    private PairedBootstrap() {
    }

    /**
     * An estimate with its 95 % percentile interval.
     *
     * @param value    the estimate on the full sample
     * @param lower    2.5th percentile of the resampled estimates
     * @param upper    97.5th percentile
     * @param positive share of resamples where the value is above 0 (for differences)
     */
    public record Interval(double value, double lower, double upper, double positive) {
        @Override
        public String toString() {
            return String.format("%+.3f [%+.3f, %+.3f]", value, lower, upper);
        }
    }

    /** APGR(a) − APGR(b) over {@code reps} resamples of the pair's prompts. */
    public static Interval apgrDifference(PairOutcomes pair, double[] a, double[] b, int reps, long seed) {
        int[] orderA = QualityCurve.order(pair, a);
        int[] orderB = b == null ? null : QualityCurve.order(pair, b);
        int[] ones = new int[pair.size()];
        Arrays.fill(ones, 1);
        double full = QualityCurve.weighted(pair, orderA, ones).apgr()
                - (orderB == null ? 0.5 : QualityCurve.weighted(pair, orderB, ones).apgr());
        SplittableRandom random = new SplittableRandom(seed);
        double[] differences = new double[reps];
        int positive = 0;
        int[] weights = new int[pair.size()];
        for (int r = 0; r < reps; r++) {
            Arrays.fill(weights, 0);
            for (int k = 0; k < pair.size(); k++) {
                weights[random.nextInt(pair.size())]++;
            }
            QualityCurve curveA = QualityCurve.weighted(pair, orderA, weights);
            if (Math.abs(curveA.strongQuality() - curveA.weakQuality()) < 1e-12) {
                differences[r] = 0;
                continue;
            }
            double other = orderB == null ? 0.5 : QualityCurve.weighted(pair, orderB, weights).apgr();
            differences[r] = curveA.apgr() - other;
            if (differences[r] > 0) {
                positive++;
            }
        }
        Arrays.sort(differences);
        return new Interval(full, differences[(int) Math.floor(0.025 * (reps - 1))],
                differences[(int) Math.ceil(0.975 * (reps - 1))], (double) positive / reps);
    }
}
