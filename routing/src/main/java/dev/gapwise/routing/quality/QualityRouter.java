package dev.gapwise.routing.quality;

import dev.gapwise.routing.classify.LinearModel;
import dev.gapwise.routing.classify.SparseVector;
import dev.gapwise.routing.classify.TextFeatures;

import java.util.Map;
import java.util.TreeMap;

/**
 * The shipped quality router: two linear models, P(strong acceptable) and P(weak acceptable), trained by
 * {@code gapwise train} on the train splits of RouteLLM MMLU, GSM8K and MT-Bench (GPT-4 vs Mixtral, text only),
 * and a calibration of the knob on their validation splits: for each strong-call share c = 0, 1, …, 100 %, the gain
 * threshold ({@code share.NNN}) and the quality reached as a share of the strong model's ({@code quality.NNN}).
 * Immutable and thread-safe.
 */
public final class QualityRouter {
    /** Resource of P(strong acceptable). */
    public static final String STRONG_RESOURCE = "quality-strong.model";
    /** Resource of P(weak acceptable), which also carries the calibration. */
    public static final String WEAK_RESOURCE = "quality-weak.model";

    private final LinearModel strong;
    private final LinearModel weak;

    /** The two models, for fusing with others. */
    public java.util.List<LinearModel> models() {
        return java.util.List.of(strong, weak);
    }

    public QualityRouter(LinearModel strong, LinearModel weak) {
        this.strong = strong;
        this.weak = weak;
        weak.parameter("share.050");
    }

    /** The router shipped in the jar. */
    public static QualityRouter bundled() {
        return new QualityRouter(LinearModel.resource(STRONG_RESOURCE), LinearModel.resource(WEAK_RESOURCE));
    }

    /** The estimate for a text under a knob. */
    public QualityEstimate estimate(String text, Knob knob) {
        return estimate(TextFeatures.of(text), knob);
    }

    /** The estimate for already computed features under a knob. */
    public QualityEstimate estimate(SparseVector features, Knob knob) {
        return estimate(strong.probabilities(features), weak.probabilities(features), knob);
    }

    /** The estimate from both models' probabilities (computed elsewhere, e.g. by a FusedScorer). */
    public QualityEstimate estimate(double[] strongProbabilities, double[] weakProbabilities, Knob knob) {
        double ps = strongProbabilities[1];
        double pw = weakProbabilities[1];
        double threshold = threshold(knob);
        double gain = ps - pw;
        return new QualityEstimate(pw, ps, gain, threshold, gain >= threshold);
    }

    /** The gain threshold that realises a knob on the validation calibration. */
    public double threshold(Knob knob) {
        int percent = switch (knob) {
            case Knob.MaxStrongShare cap -> (int) Math.floor(cap.share() * 100 + 1e-9);
            case Knob.TargetQuality target -> {
                int p = 0;
                while (p < 100 && weak.parameter(key("quality", p)) < target.share() - 1e-12) {
                    p++;
                }
                yield p;
            }
        };
        return percent == 0 ? Double.POSITIVE_INFINITY : weak.parameter(key("share", percent));
    }

    /** Calibration parameters from validation gains and outcomes (scores normalised to 0–1). */
    public static Map<String, Double> calibrate(double[] gains, double[] strong, double[] weak) {
        Integer[] order = new Integer[gains.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(gains[b], gains[a]));
        double strongTotal = 0;
        double weakTotal = 0;
        for (int i = 0; i < gains.length; i++) {
            strongTotal += strong[i];
            weakTotal += weak[i];
        }
        Map<String, Double> parameters = new TreeMap<>();
        double quality = weakTotal;
        int k = 0;
        for (int percent = 0; percent <= 100; percent++) {
            int target = (int) Math.round(percent / 100.0 * gains.length);
            while (k < target) {
                quality += strong[order[k]] - weak[order[k]];
                k++;
            }
            double threshold = k == 0 ? Double.POSITIVE_INFINITY : gains[order[k - 1]];
            parameters.put(key("share", percent), percent == 100 ? Double.NEGATIVE_INFINITY : threshold);
            parameters.put(key("quality", percent), quality / strongTotal);
        }
        return parameters;
    }

    private static String key(String kind, int percent) {
        return String.format("%s.%03d", kind, percent);
    }
}
