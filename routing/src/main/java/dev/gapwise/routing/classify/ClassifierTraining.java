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
 * {@link dev.gapwise.routing.quality.QualityTraining}, the quality router) on the train split of {@link TrainingCorpus}
 * (weighted by {@link TrainingExamples}: each prompt as written and rewritten chat-style by {@link ChatStyle}),
 * fits the risk threshold on the validation split (recall ≥ {@link #TARGET_RECALL} on legal + medical, both
 * styles) and the complexity model's short-prompt cut-off (the longest that lowers at most
 * {@link #SHORT_PROMPT_LOSS} of the validation high prompts), and reports test numbers once. Deterministic: the
 * same data give byte-identical model files.
 */
public final class ClassifierTraining {
    /** Validation recall the risk threshold is fitted for (a margin over the 0.98 target). */
    public static final double TARGET_RECALL = 0.99;
    static final List<String> RISK_LABELS = List.of("legal", "medical", "financial", "routine");
    static final List<String> COMPLEXITY_LABELS = List.of("low", "medium", "high");
    /** Share of the validation high prompts the short-prompt rule may lower to medium. */
    static final double SHORT_PROMPT_LOSS = 0.01;

    /**
     * The routine slices the reports show, by name: the target one (Banking77 + CLINC150), the everyday-chat ones
     * (small talk, requests of one or two words, real users' tasks) and exam-style prompts.
     */
    public static final Map<String, Predicate<LabeledPrompt>> ROUTINE_SLICES = routineSlices();

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
        LinearModel risk = trainer.fit(RISK_LABELS, TrainingExamples.risk(corpus), note, progress);
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
        LinearModel complexity = trainer.fit(COMPLEXITY_LABELS, TrainingExamples.complexity(corpus), note, progress);
        int shortPrompt = fitShortPrompt(complexity, corpus);
        complexity = complexity.withParameters(Map.of(ComplexityClassifier.SHORT_PROMPT, (double) shortPrompt));
        report.add(String.format("complexity: prompts under %d characters (no code block) are at most medium "
                + "(fitted on validation: lowers at most %.0f %% of its high prompts)", shortPrompt,
                100 * SHORT_PROMPT_LOSS));
        report.addAll(complexityReport(new ComplexityClassifier(complexity), corpus));

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(RiskClassifier.RESOURCE, risk.toBytes());
        files.put(ComplexityClassifier.RESOURCE, complexity.toBytes());
        files.putAll(dev.gapwise.routing.quality.QualityTraining.train(dataDir, report, progress));
        return new Result(files, report);
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

    /**
     * The longest cut-off (in steps of 10 characters, at most 100) below which lowering the text model's high to
     * medium touches at most {@link #SHORT_PROMPT_LOSS} of the validation prompts labelled high.
     */
    static int fitShortPrompt(LinearModel complexity, List<LabeledPrompt> corpus) {
        ComplexityClassifier unlimited = new ComplexityClassifier(
                complexity.withParameters(Map.of(ComplexityClassifier.SHORT_PROMPT, 0.0)));
        List<LabeledPrompt> high = corpus.stream()
                .filter(p -> p.split() == Split.VALIDATION && p.complexity().equals("high")).toList();
        int best = 0;
        for (int chars = 10; chars <= 100; chars += 10) {
            int limit = chars;
            long lowered = high.stream().filter(p -> p.text().length() < limit && !p.text().contains("```")
                    && unlimited.assess(p.text()).fromText() == Complexity.HIGH).count();
            if (lowered > SHORT_PROMPT_LOSS * high.size()) {
                break;
            }
            best = chars;
        }
        return best;
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
        ROUTINE_SLICES.forEach((name, slice) ->
                lines.add("    escalated " + name + ": " + rate(classifier, corpus, slice, false)));
        return lines;
    }

    private static Map<String, Predicate<LabeledPrompt>> routineSlices() {
        Predicate<LabeledPrompt> intents = p -> p.slice().equals("banking77") || p.slice().equals("clinc150");
        Map<String, Predicate<LabeledPrompt>> slices = new LinkedHashMap<>();
        slices.put("banking77", p -> p.slice().equals("banking77"));
        slices.put("clinc150", p -> p.slice().equals("clinc150"));
        slices.put("banking77+clinc150", intents);
        slices.put("clinc150 small talk", LabeledPrompt::isSmallTalk);
        slices.put("banking77+clinc150 requests of 1-2 words",
                intents.and(p -> p.text().strip().split("\\s+").length <= 2));
        slices.put("real users' tasks (Arena-Hard, MT-Bench)", LabeledPrompt::isUserTask);
        slices.put("exam questions (other MMLU/MMLU-Pro subjects, GSM8K)",
                p -> p.slice().equals("other") && !p.isUserTask());
        return java.util.Collections.unmodifiableMap(slices);
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

    /**
     * Test-split accuracy and confusion matrix of a complexity classifier (its level for a one-turn request without
     * tools, short-prompt and long-prompt rules included), as report lines.
     */
    public static List<String> complexityReport(ComplexityClassifier classifier, List<LabeledPrompt> corpus) {
        long[][] confusion = new long[3][3];
        long creative = 0;
        long creativeHigh = 0;
        for (LabeledPrompt prompt : corpus) {
            if (prompt.split() == Split.TEST) {
                Complexity predicted = classifier.assess(prompt.text()).complexity();
                confusion[Complexity.parse(prompt.complexity()).orElseThrow().ordinal()][predicted.ordinal()]++;
                if (prompt.isUserTask() && TrainingCorpus.CREATIVE.contains(prompt.group())) {
                    creative++;
                    creativeHigh += predicted == Complexity.HIGH ? 1 : 0;
                }
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
        lines.add(String.format("  creative writing (Arena-Hard, MT-Bench writing and roleplay; labelled medium) "
                + "called high: %d of %d", creativeHigh, creative));
        return lines;
    }

    private static long count(List<LabeledPrompt> corpus, Split split) {
        return corpus.stream().filter(p -> p.split() == split).count();
    }
}
