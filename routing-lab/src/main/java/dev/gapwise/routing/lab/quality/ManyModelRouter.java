package dev.gapwise.routing.lab.quality;

import dev.gapwise.routing.classify.LinearModel;
import dev.gapwise.routing.lab.train.LinearTrainer;
import dev.gapwise.routing.classify.TextFeatures;
import dev.gapwise.routing.lab.data.OutcomeRow;
import dev.gapwise.routing.lab.eval.Aiq;

import java.util.ArrayList;
import java.util.List;

/**
 * Routes among many priced models: per model a linear estimate of P(correct) (text + category token), and for a
 * price weight λ the router picks argmax P(correct) − λ·expected cost. Sweeping λ traces the router's
 * (cost, quality) operating points, from which {@link Aiq} is computed. Immutable once trained.
 */
public final class ManyModelRouter {
    private final List<LinearModel> models;
    private final double[] meanCost;

    private ManyModelRouter(List<LinearModel> models, double[] meanCost) {
        this.models = List.copyOf(models);
        this.meanCost = meanCost;
    }

    /**
     * Trains one P(correct) model per model index on rows where all of them are scored.
     *
     * @param costs per row and model, the cost in USD
     */
    public static ManyModelRouter train(List<OutcomeRow> train, int[] modelIndices, double[][] costs) {
        List<LinearModel> models = new ArrayList<>();
        double[] meanCost = new double[modelIndices.length];
        LinearTrainer trainer = new LinearTrainer(4, 0.05, 1e-5);
        for (int m = 0; m < modelIndices.length; m++) {
            List<LinearTrainer.Example> examples = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                OutcomeRow row = train.get(i);
                examples.add(new LinearTrainer.Example(TextFeatures.withGroup(row.text(), row.group()),
                        row.score(modelIndices[m]) > 0.5 ? 1 : 0, 1));
                meanCost[m] += costs[i][m] / train.size();
            }
            models.add(trainer.fit(List.of("wrong", "right"), examples, "P(correct)", line -> { }));
        }
        return new ManyModelRouter(models, meanCost);
    }

    /** P(correct) of every model for one row. */
    public double[] estimates(OutcomeRow row) {
        var x = TextFeatures.withGroup(row.text(), row.group());
        double[] p = new double[models.size()];
        for (int m = 0; m < p.length; m++) {
            p[m] = models.get(m).probabilities(x)[1];
        }
        return p;
    }

    /** The router's operating points on test rows for a sweep of price weights. */
    public List<Aiq.Point> sweep(List<OutcomeRow> test, int[] modelIndices, double[][] costs) {
        return sweep(test.stream().map(this::estimates).toList(), test, modelIndices, costs, meanCost);
    }

    /** Operating points of any per-row P(correct) estimates (the learned models, or a per-category prior). */
    public static List<Aiq.Point> sweep(List<double[]> estimates, List<OutcomeRow> test, int[] modelIndices,
                                        double[][] costs, double[] expectedCost) {
        double maxCost = java.util.Arrays.stream(expectedCost).max().orElse(1);
        List<Aiq.Point> points = new ArrayList<>();
        for (int s = 0; s <= 60; s++) {
            double lambda = s == 60 ? 1e9 : Math.pow(10, -2 + s * 0.1) / maxCost - 0.01 / maxCost;
            double cost = 0;
            double quality = 0;
            for (int i = 0; i < test.size(); i++) {
                double[] p = estimates.get(i);
                int best = 0;
                for (int m = 1; m < p.length; m++) {
                    if (p[m] - lambda * expectedCost[m] > p[best] - lambda * expectedCost[best]) {
                        best = m;
                    }
                }
                cost += costs[i][best];
                quality += test.get(i).score(modelIndices[best]);
            }
            points.add(new Aiq.Point(cost / test.size(), quality / test.size()));
        }
        return points;
    }

    /** The mean cost per prompt of each model on the training rows. */
    public double[] meanCost() {
        return meanCost.clone();
    }
}
