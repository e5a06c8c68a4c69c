package dev.gapwise.routing.bench;

import dev.gapwise.routing.classify.ChatStyle;
import dev.gapwise.routing.classify.LabeledPrompt;
import dev.gapwise.routing.classify.RiskClassifier;
import dev.gapwise.routing.classify.TrainingCorpus;
import dev.gapwise.routing.data.Split;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Does an embedding model earn its latency on the risk gate? Trains a four-class logistic head on all-MiniLM-L6-v2
 * (quantised, LangChain4j's ONNX packaging) sentence embeddings of a hash sample of the classifier corpus's train
 * split, fits the threshold on a validation sample for recall ≥ 0.99 on legal + medical, and compares recall and
 * Banking77/CLINC150 escalation on a test sample with the shipped fast path (model only, no term list) on the same
 * prompts. Also times one embedding. Run: {@code java -cp routing-benchmarks.jar
 * dev.gapwise.routing.bench.EmbeddingComparison ../shared/data/routing 4000}.
 */
public final class EmbeddingComparison {
    private static final List<String> LABELS = List.of("legal", "medical", "financial", "routine");

    private EmbeddingComparison() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/routing");
        int trainSize = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        List<LabeledPrompt> corpus = TrainingCorpus.read(dir);
        List<LabeledPrompt> train = sample(corpus, Split.TRAIN, trainSize);
        List<LabeledPrompt> validation = sample(corpus, Split.VALIDATION, trainSize / 2).stream()
                .filter(p -> p.slice().equals("legal") || p.slice().equals("medical")).toList();
        List<LabeledPrompt> test = sample(corpus, Split.TEST, trainSize);
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

        long[] nanos = new long[300];
        for (int i = 0; i < nanos.length; i++) {
            String text = test.get(i % test.size()).text();
            long start = System.nanoTime();
            model.embed(text);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("embedding latency over %d test prompts: p50 %.0f us, p99 %.0f us%n", nanos.length,
                nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3);

        float[][] x = embed(model, train, true);
        int[] y = train.stream().mapToInt(p -> LABELS.indexOf(p.risk())).toArray();
        double[][] weights = fit(x, y);
        double[] validationScores = highStakes(weights, embed(model, validation, true));
        Arrays.sort(validationScores);
        double threshold = validationScores[(int) Math.floor(validationScores.length * 0.01)];

        float[][] testX = embed(model, test, false);
        double[] scores = highStakes(weights, testX);
        RiskClassifier fast = RiskClassifier.bundled();
        int[] embeddingHits = new int[2];
        int[] fastHits = new int[2];
        int[] totals = new int[2];
        for (int i = 0; i < test.size(); i++) {
            LabeledPrompt prompt = test.get(i);
            int group = prompt.slice().equals("legal") || prompt.slice().equals("medical") ? 0
                    : prompt.slice().equals("banking77") || prompt.slice().equals("clinc150") ? 1 : -1;
            if (group < 0) {
                continue;
            }
            totals[group]++;
            embeddingHits[group] += scores[i] >= threshold ? 1 : 0;
            fastHits[group] += fast.assess(dev.gapwise.routing.classify.TextFeatures.of(prompt.text())).highStakes()
                    ? 1 : 0;
        }
        System.out.printf("train %d, validation %d (legal+medical), test %d%n", train.size(), validation.size(),
                test.size());
        System.out.printf("embedding head: recall legal+medical %.3f (%d/%d), Banking77+CLINC150 escalated %.3f (%d/%d)%n",
                (double) embeddingHits[0] / totals[0], embeddingHits[0], totals[0],
                (double) embeddingHits[1] / totals[1], embeddingHits[1], totals[1]);
        System.out.printf("fast path (model only, same prompts): recall %.3f (%d/%d), escalated %.3f (%d/%d)%n",
                (double) fastHits[0] / totals[0], fastHits[0], totals[0], (double) fastHits[1] / totals[1], fastHits[1],
                totals[1]);
    }

    private static List<LabeledPrompt> sample(List<LabeledPrompt> corpus, Split split, int size) {
        return corpus.stream().filter(p -> p.split() == split)
                .sorted(Comparator.comparingLong(p -> Split.hash32("embedding:" + p.id()))).limit(size).toList();
    }

    private static float[][] embed(EmbeddingModel model, List<LabeledPrompt> prompts, boolean augment) {
        List<float[]> vectors = new ArrayList<>();
        for (LabeledPrompt prompt : prompts) {
            String text = augment && Split.hash32("aug:" + prompt.id()) % 2 == 0
                    ? ChatStyle.rewrite(prompt.text(), Split.hash32("chat:" + prompt.id())) : prompt.text();
            vectors.add(model.embed(text).content().vector());
        }
        return vectors.toArray(float[][]::new);
    }

    /** Class-balanced multinomial logistic regression by SGD on dense embeddings. */
    private static double[][] fit(float[][] x, int[] y) {
        int classes = LABELS.size();
        int dims = x[0].length;
        double[][] w = new double[classes][dims + 1];
        int[] counts = new int[classes];
        for (int label : y) {
            counts[label]++;
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int epoch = 0; epoch < 30; epoch++) {
            for (int step = 0; step < x.length; step++) {
                int i = random.nextInt(x.length);
                double[] p = probabilities(w, x[i]);
                double weight = (double) x.length / (classes * counts[y[i]]);
                for (int k = 0; k < classes; k++) {
                    double g = (p[k] - (k == y[i] ? 1 : 0)) * weight * 0.05;
                    for (int d = 0; d < dims; d++) {
                        w[k][d] -= g * x[i][d] + 1e-5 * w[k][d];
                    }
                    w[k][dims] -= g;
                }
            }
        }
        return w;
    }

    private static double[] probabilities(double[][] w, float[] x) {
        double[] s = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < w.length; k++) {
            s[k] = w[k][x.length];
            for (int d = 0; d < x.length; d++) {
                s[k] += w[k][d] * x[d];
            }
            max = Math.max(max, s[k]);
        }
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.exp(s[k] - max);
            sum += s[k];
        }
        for (int k = 0; k < s.length; k++) {
            s[k] /= sum;
        }
        return s;
    }

    private static double[] highStakes(double[][] w, float[][] x) {
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scores[i] = 1 - probabilities(w, x[i])[LABELS.indexOf("routine")];
        }
        return scores;
    }
}
