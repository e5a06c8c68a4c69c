package dev.gapwise.routing.lab.quality;

import dev.gapwise.routing.classify.LinearModel;
import dev.gapwise.routing.lab.train.LinearTrainer;
import dev.gapwise.routing.classify.SparseVector;
import dev.gapwise.routing.classify.TextFeatures;
import dev.gapwise.routing.lab.data.OutcomeRow;
import dev.gapwise.routing.lab.data.OutcomeTable;
import dev.gapwise.routing.lab.data.PairOutcomes;
import dev.gapwise.routing.lab.eval.GroupPrior;
import dev.gapwise.routing.lab.eval.QualityCurve;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * A learned strong-vs-weak router.
 *
 * <p>How it works: two binary linear models over {@link TextFeatures} (plus the prompt's category token when
 * {@code useGroup}) estimate P(strong acceptable) and P(weak acceptable); scores are normalised to [0, 1] and used
 * as soft labels, so 0/1 correctness and 1–10 judge scores train the same way. The model's score is the expected
 * gain P(strong) − P(weak). When the outcome table has more models, a third model learns the prompt's difficulty
 * (mean score over all models) as an alternative scorer. The final score blends the chosen scorer's rank with the
 * per-category prior's rank, α·prior + (1 − α)·model; scorer and α are chosen on the validation split by APGR, never
 * on test. Immutable once trained.
 */
public final class PairRouter {
    static final List<String> LABELS = List.of("unacceptable", "acceptable");
    private static final double[] ALPHAS = {0, 0.25, 0.5, 0.75};
    private static final LinearTrainer TRAINER = new LinearTrainer(4, 0.05, 1e-5);

    private final ToDoubleFunction<OutcomeRow> scorer;
    private final String scorerName;
    private final GroupPrior prior;
    private final double alpha;
    private final LinearModel strongModel;
    private final LinearModel weakModel;

    private PairRouter(ToDoubleFunction<OutcomeRow> scorer, String scorerName, GroupPrior prior, double alpha,
                       LinearModel strongModel, LinearModel weakModel) {
        this.scorer = scorer;
        this.scorerName = scorerName;
        this.prior = prior;
        this.alpha = alpha;
        this.strongModel = strongModel;
        this.weakModel = weakModel;
    }

    /**
     * Trains on {@code train}, chooses scorer and blend on {@code validation}.
     *
     * @param all      the whole outcome table, whose other models teach the difficulty scorer (train rows only);
     *                 null when there are none
     * @param useGroup whether the category is a feature and the prior may be blended in
     * @param range    the score range [low, high] for soft labels, e.g. {0, 1} or {1, 10}
     */
    public static PairRouter train(PairOutcomes train, PairOutcomes validation, OutcomeTable all, boolean useGroup,
                                   double[] range, Consumer<String> progress) {
        progress.accept("  training P(strong acceptable) and P(weak acceptable) on " + train.size() + " prompts");
        LinearModel strong = fit(train, train::strong, useGroup, range);
        LinearModel weak = fit(train, train::weak, useGroup, range);
        List<PairRouter> candidates = new ArrayList<>();
        GroupPrior prior = GroupPrior.fit(train);
        ToDoubleFunction<OutcomeRow> gain = row -> {
            SparseVector x = features(row, useGroup);
            return strong.probabilities(x)[1] - weak.probabilities(x)[1];
        };
        for (double alpha : useGroup ? ALPHAS : new double[] {0}) {
            candidates.add(new PairRouter(gain, "gain model", prior, alpha, strong, weak));
        }
        if (all != null && all.models().size() > 2) {
            progress.accept("  training the difficulty model on all " + all.models().size() + " models' outcomes");
            LinearModel difficulty = fitDifficulty(all, train, useGroup, range);
            ToDoubleFunction<OutcomeRow> hard = row -> -difficulty.probabilities(features(row, useGroup))[1];
            for (double alpha : useGroup ? ALPHAS : new double[] {0}) {
                candidates.add(new PairRouter(hard, "difficulty model", prior, alpha, strong, weak));
            }
        }
        // A small validation split can make APGR undefined (NaN: the strong and weak models score the same on it);
        // then the first candidate, the plain gain model, is kept rather than none.
        PairRouter best = candidates.getFirst();
        double bestApgr = Double.NEGATIVE_INFINITY;
        for (PairRouter candidate : candidates) {
            double apgr = QualityCurve.of(validation, candidate.score(validation)).apgr();
            if (!Double.isNaN(apgr) && apgr > bestApgr + 1e-9) {
                best = candidate;
                bestApgr = apgr;
            }
        }
        return best;
    }

    private static LinearModel fit(PairOutcomes train, java.util.function.IntToDoubleFunction score, boolean useGroup,
                                   double[] range) {
        List<LinearTrainer.Example> examples = new ArrayList<>(train.size() * 2);
        for (int i = 0; i < train.size(); i++) {
            addSoft(examples, features(train.row(i), useGroup), normalise(score.applyAsDouble(i), range));
        }
        return TRAINER.fit(LABELS, examples, "P(acceptable) on " + train.name(), line -> { });
    }

    private static LinearModel fitDifficulty(OutcomeTable all, PairOutcomes train, boolean useGroup, double[] range) {
        java.util.Set<String> trainIds = new java.util.HashSet<>();
        train.rows().forEach(row -> trainIds.add(row.id()));
        List<LinearTrainer.Example> examples = new ArrayList<>();
        for (OutcomeRow row : all.rows()) {
            if (!trainIds.contains(row.id())) {
                continue;
            }
            double sum = 0;
            int count = 0;
            for (double score : row.scores()) {
                if (!Double.isNaN(score)) {
                    sum += normalise(score, range);
                    count++;
                }
            }
            addSoft(examples, features(row, useGroup), sum / count);
        }
        return TRAINER.fit(LABELS, examples, "difficulty on " + all.name(), line -> { });
    }

    private static void addSoft(List<LinearTrainer.Example> examples, SparseVector x, double acceptable) {
        if (acceptable > 0) {
            examples.add(new LinearTrainer.Example(x, 1, acceptable));
        }
        if (acceptable < 1) {
            examples.add(new LinearTrainer.Example(x, 0, 1 - acceptable));
        }
    }

    public static double normalise(double score, double[] range) {
        return Math.clamp((score - range[0]) / (range[1] - range[0]), 0, 1);
    }

    static SparseVector features(OutcomeRow row, boolean useGroup) {
        return useGroup ? TextFeatures.withGroup(row.text(), row.group()) : TextFeatures.of(row.text());
    }

    /** Router scores for every row of a pair (higher = strong). */
    public double[] score(PairOutcomes pair) {
        double[] model = new double[pair.size()];
        for (int i = 0; i < pair.size(); i++) {
            model[i] = scorer.applyAsDouble(pair.row(i));
        }
        if (alpha == 0) {
            return model;
        }
        double[] modelRanks = ranks(model);
        double[] priorRanks = ranks(prior.score(pair));
        double[] blended = new double[pair.size()];
        for (int i = 0; i < blended.length; i++) {
            blended[i] = alpha * priorRanks[i] + (1 - alpha) * modelRanks[i];
        }
        return blended;
    }

    /** e.g. "gain model, prior weight 0.25". */
    public String describe() {
        return scorerName + (alpha == 0 ? "" : ", prior weight " + alpha);
    }

    /** P(strong acceptable), the first model. */
    public LinearModel strongModel() {
        return strongModel;
    }

    /** P(weak acceptable), the second model. */
    public LinearModel weakModel() {
        return weakModel;
    }

    /** Average ranks in [0, 1] (ties share their mean rank). */
    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 / Math.max(1, values.length - 1);
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
