package dev.gapwise.gateway.score;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Scores a pair of answers: the cheap checks first; then word-overlap similarity; then, for free text that the
 * cheap checks left open and when a judge is configured, the judge's rubric decides (the similarity is kept beside
 * it). Without a judge, a similarity at or above the threshold is acceptable. Immutable and thread-safe.
 */
public final class Scorer {
    /** The default similarity threshold (word-overlap F1). */
    public static final double DEFAULT_THRESHOLD = 0.6;

    private final double threshold;

    public Scorer(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("similarity threshold " + threshold + " must be in (0, 1]");
        }
        this.threshold = threshold;
    }

    /** What scoring without a judge leads to: a final score, or a similarity that awaits the judge. */
    public sealed interface Step {
        /** Decided. */
        record Scored(PairScore score) implements Step {
        }

        /** Free text for the judge; {@code fallback} is the similarity verdict if no judge verdict comes. */
        record AskJudge(double similarity, PairScore fallback) implements Step {
        }
    }

    /** Scores without a judge. */
    public PairScore score(Expectation expectation, Answer reference, Answer candidate) {
        return switch (step(expectation, reference, candidate, false)) {
            case Step.Scored scored -> scored.score();
            case Step.AskJudge ask -> ask.fallback();
        };
    }

    /** The first step: decided, or (with {@code judgeAvailable}) free text to hand to the judge. */
    public Step step(Expectation expectation, Answer reference, Answer candidate, boolean judgeAvailable) {
        Optional<PairScore> cheap = CheapChecks.decide(expectation, reference, candidate);
        if (cheap.isPresent()) {
            return new Step.Scored(cheap.get());
        }
        double similarity = Similarity.of(reference.text(), candidate.text());
        PairScore bySimilarity = new PairScore(similarity >= threshold, PairScore.Basis.SIMILARITY, similarity,
                OptionalInt.empty(), String.format(java.util.Locale.ROOT, "word-overlap F1 %.3f against %.2f",
                similarity, threshold));
        return judgeAvailable ? new Step.AskJudge(similarity, bySimilarity) : new Step.Scored(bySimilarity);
    }

    /** The judge's verdict on a pair whose similarity was {@code similarity}. */
    public static PairScore judged(double similarity, JudgeRubric.Verdict verdict) {
        return new PairScore(verdict.acceptable(), PairScore.Basis.JUDGE, similarity, OptionalInt.of(verdict.score()),
                "judge " + verdict.score() + "/5: " + verdict.reason());
    }
}
