package dev.gapwise.routing.lab.train;

import dev.gapwise.routing.Complexity;
import dev.gapwise.routing.classify.RequestText;
import dev.gapwise.routing.lab.corpus.Augmentation;
import dev.gapwise.routing.lab.corpus.ChatStyle;
import dev.gapwise.routing.lab.corpus.Corpus;
import dev.gapwise.routing.lab.corpus.CorpusRow;
import dev.gapwise.routing.lab.data.Split;

import java.util.List;
import java.util.Map;

/**
 * The complexity model's training examples: trainable train-split rows with a complexity label (written by hand,
 * calibrated from outcome data for exam questions and MT-Bench, Arena-Hard, intents and workplace requests low),
 * as written and chat-style, plus routine instructions around pasted text of every length, which are low: a
 * summary or a translation of a long text is still routine work. Group shares in {@link #SHARES}. Stateless.
 */
final class ComplexityExamples {
    static final List<String> LABELS = List.of("low", "medium", "high");

    /** Share of its class's weight per group; groups not listed split the rest by count. */
    static final Map<String, Double> SHARES = Map.ofEntries(
            Map.entry("low/written", 0.35), Map.entry("low/workplace", 0.12), Map.entry("low/intents", 0.18),
            Map.entry("low/pasted", 0.25), Map.entry("low/user-tasks", 0.10),
            Map.entry("medium/written", 0.40), Map.entry("medium/exam", 0.35), Map.entry("medium/user-tasks", 0.25),
            Map.entry("high/written", 0.40), Map.entry("high/exam", 0.20), Map.entry("high/user-tasks", 0.40));

    private ComplexityExamples() {
    }

    static WeightedExamples build(Corpus corpus) {
        WeightedExamples examples = new WeightedExamples(LABELS, SHARES);
        List<CorpusRow> train = corpus.trainable(Split.TRAIN);
        for (CorpusRow row : train) {
            if (row.complexity().isEmpty()) {
                continue;
            }
            String label = row.complexity().get().id();
            String group = group(row);
            examples.add(RequestText.of(row.text(), row.context()), label, group);
            examples.add(RequestText.of(ChatStyle.rewrite(row.text(), Split.hash32("chat:" + row.id())),
                    row.context()), label, group);
        }
        for (CorpusRow row : train) {
            long seed = Split.hash32("paste:" + row.id());
            if (seed % 4 == 0 && row.text().length() > 80 && !row.text().contains("```")) {
                examples.add(RequestText.of(Augmentation.pasted(row.text(), seed)), Complexity.LOW.id(), "pasted");
            }
        }
        return examples;
    }

    static String group(CorpusRow row) {
        return switch (row.source()) {
            case "written" -> "written";
            case "mmlu", "mmlu-pro", "gsm8k" -> "exam";
            case "workbench" -> "workplace";
            case "arena-hard", "mt-bench" -> "user-tasks";
            case "banking77", "clinc150" -> "intents";
            default -> "other";
        };
    }
}
