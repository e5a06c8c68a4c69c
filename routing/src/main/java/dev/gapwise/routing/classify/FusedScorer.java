package dev.gapwise.routing.classify;

import java.util.List;

/**
 * Scores several {@link LinearModel}s over the same features in one pass: their weights are interleaved per bucket
 * (risk's 4 classes, complexity's 3, …, side by side), so each feature costs one cache miss instead of one per model.
 * The weight table is the models' tables rearranged; results equal each model's {@link LinearModel#probabilities}.
 * Immutable and thread-safe.
 */
public final class FusedScorer {
    private final int[] offsets;
    private final int[] classes;
    private final int width;
    private final float[] weights;
    private final float[] bias;

    public FusedScorer(List<LinearModel> models) {
        offsets = new int[models.size()];
        classes = new int[models.size()];
        int total = 0;
        for (int m = 0; m < models.size(); m++) {
            offsets[m] = total;
            classes[m] = models.get(m).labels().size();
            total += classes[m];
        }
        width = total;
        weights = new float[TextFeatures.DIMENSION * width];
        bias = new float[width];
        for (int m = 0; m < models.size(); m++) {
            LinearModel model = models.get(m);
            for (int k = 0; k < classes[m]; k++) {
                bias[offsets[m] + k] = model.bias(k);
                for (int j = 0; j < TextFeatures.DIMENSION; j++) {
                    weights[j * width + offsets[m] + k] = model.weight(j, k);
                }
            }
        }
    }

    /** Each model's class probabilities, in the order the models were given. */
    public double[][] probabilities(SparseVector x) {
        double[] scores = new double[width];
        for (int k = 0; k < width; k++) {
            scores[k] = bias[k];
        }
        LinearModel.accumulate(weights, width, x, scores);
        double[][] result = new double[offsets.length][];
        for (int m = 0; m < offsets.length; m++) {
            result[m] = LinearModel.softmax(scores, offsets[m], classes[m]);
        }
        return result;
    }
}
