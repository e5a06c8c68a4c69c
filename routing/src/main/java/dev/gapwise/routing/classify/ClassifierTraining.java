package dev.gapwise.routing.classify;

import dev.gapwise.routing.Complexity;
import dev.gapwise.routing.data.Split;
import dev.gapwise.routing.eval.Proportion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code gapwise train}: fits the risk and complexity models (and, through
 * {@link dev.gapwise.routing.quality.QualityTraining}, the quality router) on the train split of {@link TrainingCorpus} (each
 * prompt once as written and once rewritten chat-style by {@link ChatStyle}), fits the risk threshold on the
 * validation split (recall ≥ {@link #TARGET_RECALL} on legal + medical, both styles), and reports test numbers
 * once. Deterministic: the same data give byte-identical model files.
 */
public final class ClassifierTraining {
    /** Validation recall the risk threshold is fitted for (a margin over the 0.98 target). */
    public static final double TARGET_RECALL = 0.99;
    static final List<String> RISK_LABELS = List.of("legal", "medical", "financial", "routine");
    static final List<String> COMPLEXITY_LABELS = List.of("low", "medium", "high");

    /** Model files by resource name, and the report lines. */
    public record Result(Map<String, byte[]> files, List<String> report) {
    }

    private ClassifierTraining() {
    }

    /** Trains both models from the routing data folder. */
    public static Result train(Path dataDir, Consumer<String> progress) {
        progress.accept("reading " + dataDir);
        List<LabeledPrompt> corpus = TrainingCorpus.read(dataDir);
        List<String> report = new ArrayList<>();
        report.add("corpus: " + corpus.size() + " prompts after decontamination (train "
                + count(corpus, Split.TRAIN) + ", validation " + count(corpus, Split.VALIDATION) + ", test "
                + count(corpus, Split.TEST) + ")");
        LinearTrainer trainer = new LinearTrainer(4, 0.15, 1e-6);
        String note = "trained by gapwise train on shared/data/routing (SOURCES.md), train split = SHA-256 buckets 0-5";

        progress.accept("training the risk model");
        LinearModel risk = trainer.fit(RISK_LABELS, examples(corpus, LabeledPrompt::risk, RISK_LABELS), note, progress);
        RiskTerms terms = RiskTerms.bundled();
        double threshold = fitThreshold(new RiskClassifier(risk.withParameters(Map.of("threshold", 0.5)), terms),
                corpus);
        risk = risk.withParameters(Map.of("threshold", threshold));
        report.add(String.format("risk threshold (model only, fitted on validation for recall >= %.2f on "
                + "legal+medical): %.4f", TARGET_RECALL, threshold));
        report.add("risk gate, model + term list (what routing uses):");
        report.addAll(riskReport(new RiskClassifier(risk, terms), corpus));
        report.add("risk gate, model only:");
        report.addAll(riskReport(new RiskClassifier(risk, RiskTerms.parse(List.of())), corpus));

        progress.accept("training the complexity model");
        LinearModel complexity = trainer.fit(COMPLEXITY_LABELS,
                examples(corpus, LabeledPrompt::complexity, COMPLEXITY_LABELS), note, progress);
        report.addAll(complexityReport(new ComplexityClassifier(complexity), corpus));

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(RiskClassifier.RESOURCE, risk.toBytes());
        files.put(ComplexityClassifier.RESOURCE, complexity.toBytes());
        files.putAll(dev.gapwise.routing.quality.QualityTraining.train(dataDir, report, progress));
        return new Result(files, report);
    }

    /** Train-split examples, as written and chat-style, weighted so that every class weighs the same. */
    static List<LinearTrainer.Example> examples(List<LabeledPrompt> corpus,
                                                java.util.function.Function<LabeledPrompt, String> label,
                                                List<String> labels) {
        long[] counts = new long[labels.size()];
        List<LabeledPrompt> train = corpus.stream().filter(p -> p.split() == Split.TRAIN).toList();
        for (LabeledPrompt prompt : train) {
            counts[labels.indexOf(label.apply(prompt))]++;
        }
        List<LinearTrainer.Example> examples = new ArrayList<>(train.size() * 2);
        for (LabeledPrompt prompt : train) {
            int k = labels.indexOf(label.apply(prompt));
            double weight = (double) train.size() / (labels.size() * counts[k]);
            examples.add(new LinearTrainer.Example(TextFeatures.of(prompt.text()), k, weight));
            examples.add(new LinearTrainer.Example(TextFeatures.of(chat(prompt)), k, weight));
        }
        return examples;
    }

    static String chat(LabeledPrompt prompt) {
        return ChatStyle.rewrite(prompt.text(), Split.hash32("chat:" + prompt.id()));
    }

    /** The highest threshold whose validation recall on legal + medical (both styles) is ≥ TARGET_RECALL. */
    static double fitThreshold(RiskClassifier classifier, List<LabeledPrompt> corpus) {
        List<Double> scores = new ArrayList<>();
        for (LabeledPrompt prompt : corpus) {
            if (prompt.split() == Split.VALIDATION && isLegalOrMedical(prompt)) {
                scores.add(classifier.assess(TextFeatures.of(prompt.text())).probability());
                scores.add(classifier.assess(TextFeatures.of(chat(prompt))).probability());
            }
        }
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int allowedMisses = (int) Math.floor(sorted.length * (1 - TARGET_RECALL));
        return sorted[allowedMisses];
    }

    static boolean isLegalOrMedical(LabeledPrompt prompt) {
        return prompt.slice().equals("legal") || prompt.slice().equals("medical");
    }

    static List<String> riskReport(RiskClassifier classifier, List<LabeledPrompt> corpus) {
        List<String> lines = new ArrayList<>();
        lines.add("  on the test split (95 % Wilson intervals):");
        for (String slice : List.of("legal", "medical", "financial")) {
            lines.add("    recall " + slice + ", as written: " + rate(classifier, corpus, p -> p.slice().equals(slice), false));
            lines.add("    recall " + slice + ", chat-style: " + rate(classifier, corpus, p -> p.slice().equals(slice), true));
        }
        lines.add("    recall legal+medical, as written: " + rate(classifier, corpus, ClassifierTraining::isLegalOrMedical, false));
        lines.add("    recall legal+medical, chat-style: " + rate(classifier, corpus, ClassifierTraining::isLegalOrMedical, true));
        for (String slice : List.of("banking77", "clinc150")) {
            lines.add("    escalated " + slice + ": " + rate(classifier, corpus, p -> p.slice().equals(slice), false));
        }
        lines.add("    escalated banking77+clinc150: " + rate(classifier, corpus,
                p -> p.slice().equals("banking77") || p.slice().equals("clinc150"), false));
        lines.add("    escalated other routine (MMLU/MMLU-Pro other subjects, GSM8K, MT-Bench, Arena-Hard): "
                + rate(classifier, corpus, p -> p.slice().equals("other"), false));
        return lines;
    }

    /** The share of test prompts matching {@code slice} that the gate flags. */
    public static Proportion rate(RiskClassifier classifier, List<LabeledPrompt> corpus,
                                  Predicate<LabeledPrompt> slice, boolean chatStyle) {
        long hits = 0;
        long total = 0;
        for (LabeledPrompt prompt : corpus) {
            if (prompt.split() == Split.TEST && slice.test(prompt)) {
                total++;
                if (classifier.assess(chatStyle ? chat(prompt) : prompt.text()).highStakes()) {
                    hits++;
                }
            }
        }
        return new Proportion(hits, total);
    }

    /** Test-split accuracy and confusion matrix of a complexity classifier, as report lines. */
    public static List<String> complexityReport(ComplexityClassifier classifier, List<LabeledPrompt> corpus) {
        long[][] confusion = new long[3][3];
        for (LabeledPrompt prompt : corpus) {
            if (prompt.split() == Split.TEST) {
                Complexity predicted = classifier.assess(prompt.text()).fromText();
                confusion[Complexity.parse(prompt.complexity()).orElseThrow().ordinal()][predicted.ordinal()]++;
            }
        }
        long right = 0;
        long all = 0;
        for (int i = 0; i < 3; i++) {
            right += confusion[i][i];
            all += Arrays.stream(confusion[i]).sum();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("complexity on the test split: accuracy %.3f (%d/%d); rows = true, columns = predicted",
                (double) right / all, right, all));
        for (Complexity level : Complexity.values()) {
            long[] row = confusion[level.ordinal()];
            lines.add(String.format("  %-6s  low %5d  medium %5d  high %5d  (recall %.3f)", level.id(), row[0], row[1],
                    row[2], (double) row[level.ordinal()] / Math.max(1, Arrays.stream(row).sum())));
        }
        return lines;
    }

    private static long count(List<LabeledPrompt> corpus, Split split) {
        return corpus.stream().filter(p -> p.split() == split).count();
    }
}
