package dev.gapwise.routing.lab.eval;

import dev.gapwise.routing.lab.data.OutcomeRow;
import dev.gapwise.routing.lab.data.PairOutcomes;
import dev.gapwise.routing.lab.data.Split;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The per-category prior router: a prompt's score is the mean gain (strong − weak) of its category (MMLU subject,
 * MT-Bench category, MMLU-Pro src) in the training rows; unseen categories get the overall mean. The honest bar
 * a learned router must clear. Immutable once fitted.
 */
public final class GroupPrior {
    private final Map<String, Double> gainByGroup;
    private final double overallGain;
    private final Function<OutcomeRow, String> groupOf;

    private GroupPrior(Map<String, Double> gainByGroup, double overallGain, Function<OutcomeRow, String> groupOf) {
        this.gainByGroup = Map.copyOf(gainByGroup);
        this.overallGain = overallGain;
        this.groupOf = groupOf;
    }

    /** Fits the prior on training rows, grouping by {@link OutcomeRow#group()}. */
    public static GroupPrior fit(PairOutcomes train) {
        return fit(train, OutcomeRow::group, null);
    }

    /** Fits on the rows of {@code train} whose index passes {@code include} (all when null). */
    static GroupPrior fit(PairOutcomes train, Function<OutcomeRow, String> groupOf,
                          java.util.function.IntPredicate include) {
        Map<String, double[]> sums = new HashMap<>();
        double total = 0;
        int count = 0;
        for (int i = 0; i < train.size(); i++) {
            if (include != null && !include.test(i)) {
                continue;
            }
            double gain = train.strong(i) - train.weak(i);
            double[] sum = sums.computeIfAbsent(groupOf.apply(train.row(i)), k -> new double[2]);
            sum[0] += gain;
            sum[1]++;
            total += gain;
            count++;
        }
        Map<String, Double> means = new HashMap<>();
        sums.forEach((group, sum) -> means.put(group, sum[0] / sum[1]));
        return new GroupPrior(means, count == 0 ? 0 : total / count, groupOf);
    }

    /** The prior's score for each row of a pair. */
    public double[] score(PairOutcomes pair) {
        double[] scores = new double[pair.size()];
        for (int i = 0; i < pair.size(); i++) {
            scores[i] = score(pair.row(i));
        }
        return scores;
    }

    /** The prior's score for one row. */
    public double score(OutcomeRow row) {
        return gainByGroup.getOrDefault(groupOf.apply(row), overallGain);
    }

    /**
     * Cross-fitted scores: fold = hash bucket mod {@code folds}; each row is scored by the prior fitted on the
     * other folds, so no row sees its own outcome.
     */
    public static double[] crossFitted(PairOutcomes pair, int folds) {
        int[] fold = new int[pair.size()];
        for (int i = 0; i < pair.size(); i++) {
            fold[i] = Split.bucket(pair.row(i).id()) % folds;
        }
        double[] scores = new double[pair.size()];
        for (int f = 0; f < folds; f++) {
            int held = f;
            GroupPrior prior = fit(pair, OutcomeRow::group, i -> fold[i] != held);
            for (int i = 0; i < pair.size(); i++) {
                if (fold[i] == held) {
                    scores[i] = prior.score(pair.row(i));
                }
            }
        }
        return scores;
    }
}
