package dev.gapwise.routing.lab.corpus;

import dev.gapwise.routing.Complexity;
import dev.gapwise.routing.classify.RequestText;
import dev.gapwise.routing.lab.data.Split;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One request of the classifier corpus with its labels and its origin.
 *
 * @param id         stable key, prefixed by the source
 * @param text       the latest user turn
 * @param context    earlier user turns of the conversation, or ""
 * @param source     the dataset (see {@link Corpus} for the list), e.g. {@code medical-consumer}, {@code written}
 * @param group      the source's own label: scenario, subject, intent, app, origin, …
 * @param use        whether the licence lets the row train a shipped model
 * @param stakes     what is at stake
 * @param domain     the high-stakes domain, or the domain a routine row mentions
 * @param task       what the request asks for
 * @param complexity the complexity label where the source gives one (for training and agreement)
 * @param difficulty an upstream difficulty score where one exists (FLASK 1–5, WizardLM 1–10, FollowBench 0–5)
 * @param split      train, validation or test; evaluation-only rows are always test
 */
public record CorpusRow(String id, String text, String context, String source, String group, Use use, Stakes stakes,
                        Domain domain, Task task, Optional<Complexity> complexity, OptionalDouble difficulty,
                        Split split) {
    public CorpusRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(stakes, "stakes");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(complexity, "complexity");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(split, "split");
        if (use == Use.EVALUATION_ONLY && split != Split.TEST) {
            throw new IllegalArgumentException(id + ": an evaluation-only row belongs to the test side");
        }
    }

    /** The request as the classifiers read it. */
    public RequestText request() {
        return RequestText.of(text, context);
    }

    /** The risk model's class: legal, medical, financial or routine. */
    public String riskClass() {
        return stakes == Stakes.HIGH ? domain.riskClass() : "routine";
    }

    /** Whether the row may be trained on and falls in the given split. */
    public boolean trainable(Split wanted) {
        return use == Use.TRAIN && split == wanted;
    }

    /** The same row with another text (augmentation keeps the labels). */
    public CorpusRow withText(String other) {
        return new CorpusRow(id, other, context, source, group, use, stakes, domain, task, complexity, difficulty,
                split);
    }

    /** The same row with a complexity label. */
    public CorpusRow withComplexity(Complexity level) {
        return new CorpusRow(id, text, context, source, group, use, stakes, domain, task, Optional.of(level),
                difficulty, split);
    }
}
