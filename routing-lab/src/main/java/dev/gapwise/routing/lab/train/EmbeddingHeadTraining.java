package dev.gapwise.routing.lab.train;

import dev.gapwise.routing.classify.RequestText;
import dev.gapwise.routing.classify.RiskClassifier;
import dev.gapwise.routing.embedding.DenseHead;
import dev.gapwise.routing.embedding.EmbeddingSecondOpinion;
import dev.gapwise.routing.embedding.SentenceEncoder;
import dev.gapwise.routing.lab.corpus.Corpus;
import dev.gapwise.routing.lab.corpus.CorpusRow;
import dev.gapwise.routing.lab.corpus.Stakes;
import dev.gapwise.routing.lab.data.Split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Trains the second opinion's {@link DenseHead} and fits how it joins the fast model:
 * <ol>
 *   <li>the head: multinomial logistic regression on the embeddings of a hash sample of the risk model's training
 *       rows ({@link #CAPS} per source; the same groups and shares as {@link RiskExamples}), full-batch Adam with L2,
 *       deterministic;</li>
 *   <li>the combination σ(a·logit P_fast + b·logit P_e + c): logistic regression on a sample of the validation rows
 *       (high-stakes vs routine, the classes weighing the same);</li>
 *   <li>the threshold on the combined probability: recall ≥ {@link ClassifierTraining#TARGET_RECALL} on every
 *       threshold slice of the validation split;</li>
 *   <li>the unsure band of the fast probability: below {@code band.low} the fast model decides "routine" alone,
 *       which at most {@link #SURE_ROUTINE_MISSES} of the validation high-stakes texts fall under; from
 *       {@code band.high} on it decides "high-stakes" alone, which at most {@link #SURE_HIGH_FALSE_ALARMS} of the
 *       validation routine texts reach.</li>
 * </ol>
 */
final class EmbeddingHeadTraining {
    /** At most this many train rows per source are embedded (embedding costs milliseconds a text). */
    static final Map<String, Integer> CAPS = Map.ofEntries(Map.entry("clinician", 1500),
            Map.entry("patient-messages", 800), Map.entry("mmlu", 1200), Map.entry("mmlu-pro", 1200),
            Map.entry("gsm8k", 200), Map.entry("arena-hard", 500), Map.entry("banking77", 3000),
            Map.entry("clinc150", 4000), Map.entry("followbench", 600));
    /** Validation rows embedded per source. */
    static final int VALIDATION_CAP = 600;
    static final double SURE_ROUTINE_MISSES = 0.002;
    static final double SURE_HIGH_FALSE_ALARMS = 0.01;
    private static final int ITERATIONS = 400;
    private static final double STEP = 0.01;
    private static final double L2 = 1e-5;

    private EmbeddingHeadTraining() {
    }

    static DenseHead train(Corpus corpus, RiskClassifier fast, SentenceEncoder encoder, List<String> report,
                           Consumer<String> progress) {
        WeightedExamples examples = RiskExamples.build(corpus, CAPS, false);
        List<RequestText> texts = examples.texts();
        progress.accept("embedding " + texts.size() + " training texts with " + SentenceEncoder.MODEL);
        float[][] x = embed(texts, encoder, progress);
        DenseHead head = fit(x, examples.labels(), examples.weights(), RiskExamples.LABELS, progress);

        progress.accept("embedding the validation sample");
        Map<String, Integer> taken = new HashMap<>();
        List<CorpusRow> validation = corpus.trainable(Split.VALIDATION).stream()
                .filter(r -> r.stakes() != Stakes.UNLABELLED)
                .sorted(java.util.Comparator.comparingLong(r -> Split.hash32("sample:" + r.id())))
                .filter(r -> taken.merge(r.source(), 1, Integer::sum) <= VALIDATION_CAP).toList();
        float[][] vx = embed(validation.stream().map(CorpusRow::request).toList(), encoder, progress);
        int routine = head.labels().indexOf("routine");
        double[] fastP = new double[validation.size()];
        double[] embeddingP = new double[validation.size()];
        boolean[] high = new boolean[validation.size()];
        for (int i = 0; i < validation.size(); i++) {
            fastP[i] = fast.probability(validation.get(i).request());
            embeddingP[i] = 1 - head.probabilities(vx[i])[routine];
            high[i] = validation.get(i).stakes() == Stakes.HIGH;
        }
        double[] combiner = fitCombiner(fastP, embeddingP, high);
        DenseHead combined = head.withParameters(Map.of(EmbeddingSecondOpinion.FAST_WEIGHT, combiner[0],
                EmbeddingSecondOpinion.EMBEDDING_WEIGHT, combiner[1], EmbeddingSecondOpinion.BIAS, combiner[2],
                EmbeddingSecondOpinion.THRESHOLD, 0.5, EmbeddingSecondOpinion.BAND_LOW, 0.0,
                EmbeddingSecondOpinion.BAND_HIGH, 1.0));
        EmbeddingSecondOpinion opinion = new EmbeddingSecondOpinion(encoder, combined);
        double[] joint = new double[validation.size()];
        for (int i = 0; i < validation.size(); i++) {
            joint[i] = opinion.combine(fastP[i], embeddingP[i]);
        }
        double threshold = 1;
        for (Map.Entry<String, Predicate<CorpusRow>> slice : ClassifierTraining.THRESHOLD_SLICES.entrySet()) {
            List<Double> scores = new ArrayList<>();
            for (int i = 0; i < validation.size(); i++) {
                if (slice.getValue().test(validation.get(i))) {
                    scores.add(joint[i]);
                }
            }
            if (!scores.isEmpty()) {
                double sliceThreshold = quantile(scores, 1 - ClassifierTraining.TARGET_RECALL);
                report.add(String.format(java.util.Locale.ROOT, "  second opinion, validation slice %s: %d texts, "
                        + "threshold <= %.4f", slice.getKey(), scores.size(), sliceThreshold));
                threshold = Math.min(threshold, sliceThreshold);
            }
        }
        List<Double> highFast = new ArrayList<>();
        List<Double> routineFast = new ArrayList<>();
        for (int i = 0; i < validation.size(); i++) {
            (high[i] ? highFast : routineFast).add(fastP[i]);
        }
        double bandLow = quantile(highFast, SURE_ROUTINE_MISSES);
        double bandHigh = Math.max(bandLow, quantile(routineFast, 1 - SURE_HIGH_FALSE_ALARMS));
        report.add(String.format(java.util.Locale.ROOT, "second opinion: P = σ(%.3f·logit P_fast + %.3f·logit P_e "
                        + "%+.3f), threshold %.4f; asked when %.4f <= P_fast < %.4f (%d validation texts)",
                combiner[0], combiner[1], combiner[2], threshold, bandLow, bandHigh, validation.size()));
        long asked = java.util.Arrays.stream(fastP).filter(p -> p >= bandLow && p < bandHigh).count();
        report.add(String.format(java.util.Locale.ROOT, "  validation texts in the unsure band: %.1f %%",
                100.0 * asked / validation.size()));
        return combined.withParameters(Map.of(EmbeddingSecondOpinion.THRESHOLD, threshold,
                EmbeddingSecondOpinion.BAND_LOW, bandLow, EmbeddingSecondOpinion.BAND_HIGH, bandHigh));
    }

    private static float[][] embed(List<RequestText> texts, SentenceEncoder encoder, Consumer<String> progress) {
        float[][] x = new float[texts.size()][];
        java.util.stream.IntStream.range(0, texts.size()).parallel().forEach(i -> x[i] = encoder.encode(texts.get(i)));
        progress.accept("  embedded " + texts.size());
        return x;
    }

    /** The value below which {@code share} of the values lie (the lower empirical quantile). */
    private static double quantile(List<Double> values, double share) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
    }

    /** Multinomial logistic regression by full-batch Adam with L2; deterministic. */
    static DenseHead fit(float[][] x, int[] labels, double[] weights, List<String> names, Consumer<String> progress) {
        int classes = names.size();
        int d = x[0].length;
        int width = d + 1;
        double[] theta = new double[classes * width];
        double[] m = new double[theta.length];
        double[] v = new double[theta.length];
        double total = java.util.Arrays.stream(weights).sum();
        double[] s = new double[classes];
        for (int iteration = 1; iteration <= ITERATIONS; iteration++) {
            double[] g = new double[theta.length];
            double loss = 0;
            for (int i = 0; i < x.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    int base = k * width;
                    double z = theta[base + d];
                    for (int j = 0; j < d; j++) {
                        z += theta[base + j] * x[i][j];
                    }
                    s[k] = z;
                    max = Math.max(max, z);
                }
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    s[k] = Math.exp(s[k] - max);
                    sum += s[k];
                }
                loss -= weights[i] * Math.log(Math.max(s[labels[i]] / sum, 1e-12));
                for (int k = 0; k < classes; k++) {
                    double r = (s[k] / sum - (labels[i] == k ? 1 : 0)) * weights[i] / total;
                    int base = k * width;
                    for (int j = 0; j < d; j++) {
                        g[base + j] += r * x[i][j];
                    }
                    g[base + d] += r;
                }
            }
            for (int p = 0; p < theta.length; p++) {
                double gradient = g[p] + (p % width == d ? 0 : L2 * theta[p]);
                m[p] = 0.9 * m[p] + 0.1 * gradient;
                v[p] = 0.999 * v[p] + 0.001 * gradient * gradient;
                double mHat = m[p] / (1 - Math.pow(0.9, iteration));
                double vHat = v[p] / (1 - Math.pow(0.999, iteration));
                theta[p] -= STEP * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            if (iteration % 100 == 0) {
                progress.accept(String.format(java.util.Locale.ROOT, "  head iteration %d: loss %.4f", iteration,
                        loss / total));
            }
        }
        float[][] fw = new float[classes][d];
        float[] fb = new float[classes];
        for (int k = 0; k < classes; k++) {
            fb[k] = (float) theta[k * width + d];
            for (int j = 0; j < d; j++) {
                fw[k][j] = (float) theta[k * width + j];
            }
        }
        return DenseHead.of(names, fb, fw, Map.of(), ClassifierTraining.NOTE + "; head over " + SentenceEncoder.MODEL);
    }

    /** Logistic regression of high-stakes on (logit P_fast, logit P_e), classes weighing the same; [a, b, c]. */
    static double[] fitCombiner(double[] fast, double[] embedding, boolean[] high) {
        long positives = 0;
        for (boolean h : high) {
            positives += h ? 1 : 0;
        }
        double wPositive = high.length / (2.0 * Math.max(1, positives));
        double wNegative = high.length / (2.0 * Math.max(1, high.length - positives));
        double[] theta = {1, 1, 0};
        for (int iteration = 0; iteration < 2000; iteration++) {
            double[] g = new double[3];
            for (int i = 0; i < high.length; i++) {
                double f1 = logit(fast[i]);
                double f2 = logit(embedding[i]);
                double p = 1 / (1 + Math.exp(-(theta[0] * f1 + theta[1] * f2 + theta[2])));
                double r = (p - (high[i] ? 1 : 0)) * (high[i] ? wPositive : wNegative);
                g[0] += r * f1;
                g[1] += r * f2;
                g[2] += r;
            }
            for (int k = 0; k < 3; k++) {
                theta[k] -= 0.05 * g[k] / high.length;
            }
        }
        return theta;
    }

    private static double logit(double p) {
        double clamped = Math.clamp(p, 1e-6, 1 - 1e-6);
        return Math.log(clamped / (1 - clamped));
    }
}
