package dev.gapwise.routing.lab.eval;

import dev.gapwise.routing.lab.data.PairOutcomes;

/**
 * Router scores of the baselines of EVALUATION.md §2 (higher score = send to the strong model). Always-strong
 * and always-weak are the curve's end points (c = 1 and c = 0); random is {@link QualityCurve#random}.
 */
public final class Baselines {
    private Baselines() {
    }

    /** The oracle: strong exactly where it beats the weak model. */
    public static double[] oracle(PairOutcomes pair) {
        double[] scores = new double[pair.size()];
        for (int i = 0; i < pair.size(); i++) {
            scores[i] = pair.strong(i) - pair.weak(i);
        }
        return scores;
    }

    /** Longer prompts to the strong model (length in characters). */
    public static double[] promptLength(PairOutcomes pair) {
        double[] scores = new double[pair.size()];
        for (int i = 0; i < pair.size(); i++) {
            scores[i] = pair.row(i).text().length();
        }
        return scores;
    }

    /** The per-category prior, cross-fitted over 5 hash folds. */
    public static double[] categoryPrior(PairOutcomes pair) {
        return GroupPrior.crossFitted(pair, 5);
    }
}
