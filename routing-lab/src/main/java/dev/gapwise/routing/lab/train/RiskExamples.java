package dev.gapwise.routing.lab.train;

import dev.gapwise.routing.classify.RequestText;
import dev.gapwise.routing.lab.corpus.Augmentation;
import dev.gapwise.routing.lab.corpus.ChatStyle;
import dev.gapwise.routing.lab.corpus.Corpus;
import dev.gapwise.routing.lab.corpus.CorpusRow;
import dev.gapwise.routing.lab.corpus.Stakes;
import dev.gapwise.routing.lab.corpus.Task;
import dev.gapwise.routing.lab.data.Split;

import java.util.List;
import java.util.Map;

/**
 * The risk model's training examples: every trainable train-split row with stakes, as written and rewritten
 * chat-style ({@link ChatStyle}), plus the {@link Augmentation augmented} rows, in groups whose shares of their
 * class's weight are {@link #SHARES}. The shares say what the model should learn from: people's own questions and
 * routine work (realistic and written rows) first, exam questions and intents as a minority.
 *
 * <p>Groups: {@code real} (clinicians' and consumers' questions, Self-Instruct's advice seeds), {@code patients}
 * (synthetic patient messages, their "Doctor," opener removed), {@code written}, {@code exam} (MMLU, MMLU-Pro,
 * GSM8K), {@code workplace} (WorkBench), {@code tasks} (Self-Instruct seeds, FollowBench), {@code user-tasks}
 * (Arena-Hard, MT-Bench), {@code intents} (Banking77, CLINC150), {@code small-talk} (CLINC150's), {@code pasted}
 * (routine instructions around pasted high-stakes text), {@code follow-up} (short advice follow-ups after a
 * high-stakes question), {@code rework} (requests to rework a high-stakes conversation's text), {@code wrappers}
 * (bare chat wrappers such as "hi!" or "thx"). Stateless.
 */
final class RiskExamples {
    static final List<String> LABELS = List.of("legal", "medical", "financial", "routine");

    /** Share of its class's weight per group; groups not listed split the rest by count. */
    static final Map<String, Double> SHARES = Map.ofEntries(
            Map.entry("medical/real", 0.40), Map.entry("medical/patients", 0.10), Map.entry("medical/written", 0.25),
            Map.entry("medical/exam", 0.15), Map.entry("medical/follow-up", 0.10),
            Map.entry("legal/written", 0.65), Map.entry("legal/exam", 0.25), Map.entry("legal/follow-up", 0.10),
            Map.entry("financial/written", 0.65), Map.entry("financial/exam", 0.25),
            Map.entry("financial/follow-up", 0.10),
            Map.entry("routine/written", 0.28), Map.entry("routine/workplace", 0.08), Map.entry("routine/tasks", 0.08),
            Map.entry("routine/user-tasks", 0.08), Map.entry("routine/intents", 0.14),
            Map.entry("routine/small-talk", 0.06), Map.entry("routine/exam", 0.08), Map.entry("routine/pasted", 0.12),
            Map.entry("routine/rework", 0.04), Map.entry("routine/wrappers", 0.04));

    private RiskExamples() {
    }

    /** Every train row, as written and chat-style (the fast model's examples). */
    static WeightedExamples build(Corpus corpus) {
        return build(corpus, Map.of(), true);
    }

    /**
     * The examples, with at most {@code caps} rows per source (a hash sample; sources not named are whole) and,
     * when {@code chatStyle}, every row also rewritten chat-style. Shares are the same whatever the sample.
     */
    static WeightedExamples build(Corpus corpus, Map<String, Integer> caps, boolean chatStyle) {
        WeightedExamples examples = new WeightedExamples(LABELS, SHARES);
        Map<String, Integer> taken = new java.util.HashMap<>();
        List<CorpusRow> train = corpus.trainable(Split.TRAIN).stream().filter(r -> r.stakes() != Stakes.UNLABELLED)
                .sorted(java.util.Comparator.comparingLong(r -> Split.hash32("sample:" + r.id())))
                .filter(r -> taken.merge(r.source(), 1, Integer::sum) <= caps.getOrDefault(r.source(),
                        Integer.MAX_VALUE))
                .sorted(java.util.Comparator.comparing(CorpusRow::id)).toList();
        List<CorpusRow> highStakes = train.stream().filter(r -> r.stakes() == Stakes.HIGH && r.task() != Task.EXAM)
                .toList();
        for (CorpusRow row : train) {
            String group = group(row);
            String text = row.source().equals("patient-messages") ? Augmentation.withoutDoctorOpener(row.text())
                    : row.text();
            examples.add(RequestText.of(text, row.context()), row.riskClass(), group);
            if (chatStyle) {
                examples.add(RequestText.of(ChatStyle.rewrite(text, Split.hash32("chat:" + row.id())),
                        row.context()), row.riskClass(), group);
            }
        }
        for (CorpusRow row : highStakes) {
            long seed = Split.hash32("augment:" + row.id());
            String pastedText = row.source().equals("patient-messages") ? Augmentation.withoutDoctorOpener(row.text())
                    : row.text();
            if (seed % 3 == 0) {
                examples.add(RequestText.of(Augmentation.pasted(pastedText, seed)), "routine", "pasted");
            }
            if (seed % 5 == 1) {
                examples.add(RequestText.of(Augmentation.adviceFollowUp(seed), row.text()), row.riskClass(),
                        "follow-up");
            }
            if (seed % 7 == 2) {
                examples.add(RequestText.of(Augmentation.reworkFollowUp(seed), row.text()), "routine", "rework");
            }
        }
        for (String wrapper : ChatStyle.wrappers()) {
            examples.add(RequestText.of(wrapper), "routine", "wrappers");
        }
        return examples;
    }

    static String group(CorpusRow row) {
        return switch (row.source()) {
            case "clinician", "medical-consumer", "selfinstruct-seed" -> row.stakes() == Stakes.HIGH ? "real"
                    : "tasks";
            case "patient-messages" -> "patients";
            case "written" -> "written";
            case "mmlu", "mmlu-pro", "gsm8k" -> "exam";
            case "workbench" -> "workplace";
            case "followbench" -> "tasks";
            case "arena-hard", "mt-bench" -> "user-tasks";
            case "banking77", "clinc150" -> row.task() == Task.SMALL_TALK ? "small-talk" : "intents";
            default -> throw new IllegalArgumentException("no risk training group for source " + row.source());
        };
    }
}
