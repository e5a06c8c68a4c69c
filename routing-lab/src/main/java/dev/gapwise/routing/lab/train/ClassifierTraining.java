package dev.gapwise.routing.lab.train;

import dev.gapwise.routing.Complexity;
import dev.gapwise.routing.classify.ComplexityClassifier;
import dev.gapwise.routing.classify.LinearModel;
import dev.gapwise.routing.classify.RequestText;
import dev.gapwise.routing.classify.RiskClassifier;
import dev.gapwise.routing.classify.RiskTerms;
import dev.gapwise.routing.embedding.DenseHead;
import dev.gapwise.routing.embedding.EmbeddingSecondOpinion;
import dev.gapwise.routing.embedding.SentenceEncoder;
import dev.gapwise.routing.lab.corpus.ChatStyle;
import dev.gapwise.routing.lab.corpus.Corpus;
import dev.gapwise.routing.lab.corpus.CorpusRow;
import dev.gapwise.routing.lab.corpus.Domain;
import dev.gapwise.routing.lab.corpus.Stakes;
import dev.gapwise.routing.lab.corpus.Task;
import dev.gapwise.routing.lab.corpus.Use;
import dev.gapwise.routing.lab.data.Split;
import dev.gapwise.routing.lab.eval.Proportion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code gapwise train}: fits the risk and complexity models and the quality router, and returns the files Gapwise
 * ships. Only rows whose licence allows it are trained on ({@link Use#TRAIN}: the CC BY, Apache-2.0 and MIT rows of
 * the shared data and the requests written here), and only their train split; thresholds are fitted on their
 * validation split; evaluation-only rows are never read here except to keep their texts out of training.
 *
 * <ul>
 *   <li>risk: {@link RiskExamples}; the threshold is the highest value whose validation recall is at least
 *       {@link #TARGET_RECALL} on every high-stakes validation slice of people's requests (realistic medical
 *       questions; the written medical, legal and financial requests pooled), each as written and chat-style;
 *       exam-question recall is reported, not fitted; then the second opinion ({@link EmbeddingHeadTraining});</li>
 *   <li>complexity: {@link ComplexityExamples}; the short-instruction cut-off is the longest (in steps of 10, at
 *       most 100 characters) that lowers at most {@link #SHORT_PROMPT_LOSS} of the validation rows labelled high;</li>
 *   <li>quality: {@link QualityTraining}.</li>
 * </ul>
 * Deterministic: the same data give byte-identical model files.
 */
public final class ClassifierTraining {
    /** Validation recall the risk threshold is fitted for, on every slice (a margin over the 0.98 target). */
    public static final double TARGET_RECALL = 0.99;
    /** Share of the validation high rows the short-instruction rule may lower to medium. */
    static final double SHORT_PROMPT_LOSS = 0.01;
    static final String NOTE = "trained by gapwise train on the TRAIN-use rows of shared/data/routing-chat and "
            + "shared/data/routing and the requests written in routing-lab (docs/routing.md), train split only";

    /** The high-stakes validation slices the threshold must serve, by name. */
    static final Map<String, Predicate<CorpusRow>> THRESHOLD_SLICES = thresholdSlices();

    /** Model files by resource name, and the report lines. */
    public record Result(Map<String, byte[]> files, List<String> report) {
    }

    private ClassifierTraining() {
    }

    /** Trains every model from the routing data folders. */
    public static Result train(Path routingDir, Path chatDir, Consumer<String> progress) {
        SentenceEncoder encoder = SentenceEncoder.bundled();
        progress.accept("reading " + routingDir + " and " + chatDir);
        Corpus corpus = Corpus.assemble(routingDir, chatDir);
        List<String> report = new ArrayList<>();
        report.add(String.format("corpus: %d rows after deduplication (%s dropped as duplicates: %s); trainable: "
                        + "train %d, validation %d, test %d; evaluation-only %d", corpus.rows().size(),
                corpus.dropped().values().stream().mapToInt(Integer::intValue).sum(), corpus.dropped(),
                corpus.trainable(Split.TRAIN).size(), corpus.trainable(Split.VALIDATION).size(),
                corpus.trainable(Split.TEST).size(), corpus.where(r -> r.use() == Use.EVALUATION_ONLY).size()));
        LinearTrainer trainer = new LinearTrainer(4, 0.15, 1e-6);

        progress.accept("training the risk model");
        WeightedExamples riskExamples = RiskExamples.build(corpus);
        report.add("risk training groups (class/group: examples): " + riskExamples.counts());
        LinearModel risk = trainer.fit(RiskExamples.LABELS, riskExamples.examples(), NOTE, progress);
        double threshold = fitThreshold(risk, corpus, report);
        risk = risk.withParameters(Map.of(RiskClassifier.THRESHOLD, threshold));
        RiskClassifier gate = new RiskClassifier(risk, RiskTerms.bundled());
        report.addAll(validationReport(gate, corpus));
        progress.accept("training the second opinion's head");
        DenseHead head = EmbeddingHeadTraining.train(corpus, gate, encoder, report, progress);
        report.add("risk gate with the second opinion:");
        report.addAll(validationReport(gate.withSecondOpinion(new EmbeddingSecondOpinion(encoder, head)), corpus));

        progress.accept("training the complexity model");
        WeightedExamples complexityExamples = ComplexityExamples.build(corpus);
        report.add("complexity training groups (class/group: examples): " + complexityExamples.counts());
        LinearModel complexity = trainer.fit(ComplexityExamples.LABELS, complexityExamples.examples(), NOTE,
                progress);
        int shortPrompt = fitShortPrompt(complexity, corpus);
        complexity = complexity.withParameters(Map.of(ComplexityClassifier.SHORT_PROMPT, (double) shortPrompt));
        report.add(String.format("complexity: instructions under %d characters (nothing pasted, no code block) are "
                + "at most medium (fitted on validation: lowers at most %.0f %% of its high rows)", shortPrompt,
                100 * SHORT_PROMPT_LOSS));

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(RiskClassifier.RESOURCE, risk.toBytes());
        files.put(ComplexityClassifier.RESOURCE, complexity.toBytes());
        files.put(EmbeddingSecondOpinion.RESOURCE, head.toBytes());
        files.putAll(QualityTraining.train(routingDir, report, progress));
        return new Result(files, report);
    }

    /** The validation rows of a slice, each as written and chat-style. */
    static List<RequestText> validation(Corpus corpus, Predicate<CorpusRow> slice) {
        List<RequestText> texts = new ArrayList<>();
        for (CorpusRow row : corpus.trainable(Split.VALIDATION)) {
            if (slice.test(row)) {
                texts.add(row.request());
                texts.add(RequestText.of(ChatStyle.rewrite(row.text(), Split.hash32("chat:" + row.id())),
                        row.context()));
            }
        }
        return texts;
    }

    /** The highest threshold whose recall on every threshold slice is at least {@link #TARGET_RECALL}. */
    static double fitThreshold(LinearModel risk, Corpus corpus, List<String> report) {
        RiskClassifier model = new RiskClassifier(risk.withParameters(Map.of(RiskClassifier.THRESHOLD, 0.5)),
                RiskTerms.parse(List.of()));
        double threshold = 1;
        for (Map.Entry<String, Predicate<CorpusRow>> slice : THRESHOLD_SLICES.entrySet()) {
            double[] scores = validation(corpus, slice.getValue()).stream().mapToDouble(model::probability).sorted()
                    .toArray();
            if (scores.length == 0) {
                continue;
            }
            double sliceThreshold = scores[(int) Math.floor(scores.length * (1 - TARGET_RECALL))];
            report.add(String.format("  validation slice %s: %d texts, recall %.2f needs threshold <= %.4f",
                    slice.getKey(), scores.length, TARGET_RECALL, sliceThreshold));
            threshold = Math.min(threshold, sliceThreshold);
        }
        report.add(String.format("risk threshold (fast model, fitted on validation): %.4f", threshold));
        return threshold;
    }

    /** Validation recall per slice and escalation of the routine validation rows, fast model and terms. */
    static List<String> validationReport(RiskClassifier gate, Corpus corpus) {
        List<String> lines = new ArrayList<>();
        lines.add("risk gate on the validation split (95 % Wilson intervals):");
        for (Map.Entry<String, Predicate<CorpusRow>> slice : THRESHOLD_SLICES.entrySet()) {
            lines.add("  recall " + slice.getKey() + ": " + rate(gate, validation(corpus, slice.getValue())));
        }
        lines.add("  recall legal+medical exam questions (not fitted): " + rate(gate, validation(corpus,
                r -> r.task() == Task.EXAM && r.stakes() == Stakes.HIGH
                        && (r.domain() == Domain.LEGAL || r.domain() == Domain.MEDICAL))));
        Map<String, Predicate<CorpusRow>> routine = new LinkedHashMap<>();
        routine.put("written routine", r -> r.source().equals("written") && r.stakes() == Stakes.ROUTINE);
        routine.put("written routine mentioning medical/legal/financial", r -> r.source().equals("written")
                && r.stakes() == Stakes.ROUTINE && r.domain() != Domain.OTHER);
        routine.put("workbench", r -> r.source().equals("workbench"));
        routine.put("banking77+clinc150", r -> r.task() == Task.INTENT || r.task() == Task.SMALL_TALK);
        routine.put("users' tasks (Arena-Hard, MT-Bench)", r -> r.source().equals("arena-hard")
                || r.source().equals("mt-bench"));
        for (Map.Entry<String, Predicate<CorpusRow>> slice : routine.entrySet()) {
            List<RequestText> texts = corpus.trainable(Split.VALIDATION).stream().filter(slice.getValue())
                    .map(CorpusRow::request).toList();
            lines.add("  escalated " + slice.getKey() + ": " + rate(gate, texts));
        }
        return lines;
    }

    private static Proportion rate(RiskClassifier gate, List<RequestText> texts) {
        return new Proportion(texts.stream().filter(t -> gate.assess(t).highStakes()).count(), texts.size());
    }

    /**
     * The longest cut-off (in steps of 10 characters, at most 100) below which lowering the text model's high to
     * medium touches at most {@link #SHORT_PROMPT_LOSS} of the validation rows labelled high.
     */
    static int fitShortPrompt(LinearModel complexity, Corpus corpus) {
        ComplexityClassifier unlimited = new ComplexityClassifier(
                complexity.withParameters(Map.of(ComplexityClassifier.SHORT_PROMPT, 0.0)));
        List<RequestText> high = corpus.trainable(Split.VALIDATION).stream()
                .filter(r -> r.complexity().filter(c -> c == Complexity.HIGH).isPresent()).map(CorpusRow::request)
                .toList();
        int best = 0;
        for (int chars = 10; chars <= 100; chars += 10) {
            int limit = chars;
            long lowered = high.stream().filter(t -> !t.hasPasted() && t.instruction().length() < limit
                    && !t.instruction().contains("```")
                    && unlimited.assess(t, 1, false).fromText() == Complexity.HIGH).count();
            if (lowered > SHORT_PROMPT_LOSS * high.size()) {
                break;
            }
            best = chars;
        }
        return best;
    }

    private static Map<String, Predicate<CorpusRow>> thresholdSlices() {
        Map<String, Predicate<CorpusRow>> slices = new LinkedHashMap<>();
        slices.put("realistic medical (clinician, consumer, patient messages)", r -> r.stakes() == Stakes.HIGH
                && (r.source().equals("clinician") || r.source().equals("medical-consumer")
                || r.source().equals("patient-messages")));
        slices.put("written here (medical, legal, financial)", r -> r.source().equals("written")
                && r.stakes() == Stakes.HIGH);
        return java.util.Collections.unmodifiableMap(slices);
    }
}
