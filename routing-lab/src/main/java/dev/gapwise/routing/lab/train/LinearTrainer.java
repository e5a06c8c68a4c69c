package dev.gapwise.routing.lab.train;

import dev.gapwise.routing.classify.LinearModel;
import dev.gapwise.routing.classify.SparseVector;
import dev.gapwise.routing.classify.TextFeatures;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits a {@link LinearModel} by stochastic gradient descent on the multinomial logistic loss with L2 shrinkage
 * of the weights an example touches, per-example weights (for class balance) and a decaying step. Deterministic:
 * the example order comes from a seeded generator. Not thread-safe; use one trainer per fit.
 *
 * @param epochs       passes over the data
 * @param learningRate initial step
 * @param l2           shrinkage per touched weight and step
 */
public record LinearTrainer(int epochs, double learningRate, double l2) {

    /** A labeled training example: features, class index, weight. */
    public record Example(SparseVector features, int label, double weight) {
    }

    /** Trains on the examples; {@code progress} receives a line per epoch. */
    public LinearModel fit(List<String> labels, List<Example> examples, String note,
                           java.util.function.Consumer<String> progress) {
        int classes = labels.size();
        float[] weights = new float[TextFeatures.DIMENSION * classes];
        float[] bias = new float[classes];
        int[] order = java.util.stream.IntStream.range(0, examples.size()).toArray();
        SplittableRandom random = new SplittableRandom(20_240_601L);
        double[] p = new double[classes];
        long step = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            shuffle(order, random);
            double loss = 0;
            for (int index : order) {
                Example example = examples.get(index);
                double rate = learningRate / (1 + 1e-5 * step++);
                scores(weights, bias, example.features(), classes, p);
                loss -= example.weight() * Math.log(Math.max(p[example.label()], 1e-12));
                int[] indices = example.features().indices();
                float[] values = example.features().values();
                for (int k = 0; k < classes; k++) {
                    double gradient = (p[k] - (k == example.label() ? 1 : 0)) * example.weight();
                    bias[k] -= (float) (rate * gradient);
                    for (int j = 0; j < example.features().size(); j++) {
                        int w = indices[j] * classes + k;
                        weights[w] -= (float) (rate * (gradient * values[j] + l2 * weights[w]));
                    }
                }
            }
            progress.accept(String.format("  epoch %d/%d: mean loss %.4f", epoch, epochs, loss / examples.size()));
        }
        return LinearModel.of(labels, bias, weights, Map.of(), note);
    }

    private static void scores(float[] weights, float[] bias, SparseVector x, int classes, double[] out) {
        double[] raw = new double[classes];
        for (int k = 0; k < classes; k++) {
            raw[k] = bias[k];
        }
        LinearModel.accumulate(weights, classes, x, raw);
        System.arraycopy(LinearModel.softmax(raw, 0, classes), 0, out, 0, classes);
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
