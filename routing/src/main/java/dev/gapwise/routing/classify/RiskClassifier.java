package dev.gapwise.routing.classify;

import java.util.Optional;

/**
 * Is a request high-stakes — does it ask for advice, a decision or an assessment whose error can harm a person's
 * health, legal position or money? Three signals, in order:
 * <ol>
 *   <li>a crisis term ({@link RiskTerms}) in the instruction flags it at once;</li>
 *   <li>a four-class linear model (legal, medical, financial, routine) gives P(high-stakes) = 1 − P(routine); at or
 *       above its validation-fitted {@code threshold} the request is high-stakes;</li>
 *   <li>when a {@link SecondOpinion} is configured and the fast probability falls in its unsure band, the second
 *       opinion decides instead.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class RiskClassifier {
    /** Resource name of the bundled model. */
    public static final String RESOURCE = "risk.model";
    /** Name of the model parameter holding the threshold. */
    public static final String THRESHOLD = "threshold";
    private final LinearModel model;
    private final RiskTerms terms;
    private final Optional<SecondOpinion> secondOpinion;
    private final int routine;
    private final double threshold;

    public RiskClassifier(LinearModel model, RiskTerms terms) {
        this(model, terms, Optional.empty());
    }

    public RiskClassifier(LinearModel model, RiskTerms terms, Optional<SecondOpinion> secondOpinion) {
        this.model = model;
        this.terms = terms;
        this.secondOpinion = secondOpinion;
        this.routine = model.labels().indexOf("routine");
        if (routine < 0) {
            throw new IllegalArgumentException("a risk model needs a 'routine' class, has " + model.labels());
        }
        this.threshold = model.parameter(THRESHOLD);
    }

    /** The model shipped in the jar, without a second opinion. */
    public static RiskClassifier bundled() {
        return new RiskClassifier(LinearModel.resource(RESOURCE), RiskTerms.bundled());
    }

    /** The same classifier with a second opinion for unsure requests. */
    public RiskClassifier withSecondOpinion(SecondOpinion opinion) {
        return new RiskClassifier(model, terms, Optional.of(opinion));
    }

    /** The verdict on a one-turn request. */
    public RiskAssessment assess(String text) {
        return assess(RequestText.of(text));
    }

    /** The verdict on a request. */
    public RiskAssessment assess(RequestText text) {
        return decide(text, model.probabilities(TextFeatures.of(text)));
    }

    /** The verdict from the fast model's class probabilities (computed elsewhere, e.g. by a {@link FusedScorer}). */
    public RiskAssessment decide(RequestText text, double[] probabilities) {
        double highStakes = 1 - probabilities[routine];
        String domain = likeliestDomain(probabilities);
        Optional<RiskTerms.Match> match = terms.find(text.instruction());
        if (match.isPresent()) {
            return new RiskAssessment(true, highStakes, match.get().domain(), threshold, RiskAssessment.DecidedBy.TERM,
                    match.get().term());
        }
        if (secondOpinion.isPresent() && highStakes >= secondOpinion.get().bandLow()
                && highStakes < secondOpinion.get().bandHigh()) {
            SecondOpinion.Verdict verdict = secondOpinion.get().assess(text, highStakes);
            String detail = !verdict.note().isEmpty() ? verdict.note()
                    : String.format(java.util.Locale.ROOT, "%s: P(high-stakes) %.2f %s %.2f",
                    secondOpinion.get().describe(), verdict.probability(), verdict.highStakes() ? ">=" : "<",
                    verdict.threshold());
            String verdictDomain = verdict.domain().equals("unknown") ? domain : verdict.domain();
            return new RiskAssessment(verdict.highStakes(), highStakes,
                    verdict.highStakes() ? verdictDomain : "routine", threshold,
                    RiskAssessment.DecidedBy.SECOND_OPINION, detail);
        }
        boolean flagged = highStakes >= threshold;
        return new RiskAssessment(flagged, highStakes, flagged ? domain : "routine", threshold,
                RiskAssessment.DecidedBy.FAST_MODEL, "");
    }

    /** The verdict of the term list and the fast model, without the second opinion. */
    public RiskAssessment decideFast(RequestText text, double[] probabilities) {
        return secondOpinion.isEmpty() ? decide(text, probabilities)
                : new RiskClassifier(model, terms, Optional.empty()).decide(text, probabilities);
    }

    /** The fast model's verdict alone: no term list, no second opinion (for fitting and for reports). */
    public RiskAssessment fastModelOnly(RequestText text) {
        double[] p = model.probabilities(TextFeatures.of(text));
        double highStakes = 1 - p[routine];
        boolean flagged = highStakes >= threshold;
        return new RiskAssessment(flagged, highStakes, flagged ? likeliestDomain(p) : "routine", threshold,
                RiskAssessment.DecidedBy.FAST_MODEL, "");
    }

    /** Words too common to explain anything ("which words decided" names content words). */
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("the", "and", "for", "you", "your",
            "are", "was", "were", "been", "with", "this", "that", "have", "has", "had", "her", "his", "our", "its",
            "can", "not", "but", "from", "they", "them", "she", "him", "what", "how", "who", "any", "all", "too");

    /** A word and how much it moved the fast model towards a high-stakes class (positive) or routine (negative). */
    public record WordWeight(String word, double weight) {
    }

    /**
     * The instruction words that weighed most in the fast model's verdict, strongest first: towards the likeliest
     * high-stakes class for a high-stakes verdict, towards routine otherwise. Approximate (each word's unigram and
     * character grams; word pairs left out); for explanations, not for deciding.
     */
    public java.util.List<WordWeight> weightiestWords(RequestText text, RiskAssessment verdict, int limit) {
        double[] p = model.probabilities(TextFeatures.of(text));
        int toward = model.labels().indexOf(likeliestDomain(p));
        java.util.List<WordWeight> words = new java.util.ArrayList<>();
        for (TextFeatures.WordFeatures word : TextFeatures.words(text)) {
            if (word.word().length() < 3 || FUNCTION_WORDS.contains(word.word())) {
                continue;
            }
            words.add(new WordWeight(word.word(), model.contribution(word.buckets(), word.value(), toward, routine)));
        }
        java.util.Comparator<WordWeight> order = java.util.Comparator.comparingDouble(WordWeight::weight);
        words.sort(verdict.highStakes() ? order.reversed() : order);
        return words.stream().limit(limit).filter(w -> verdict.highStakes() ? w.weight() > 0 : w.weight() < 0)
                .toList();
    }

    /** The fast model's P(high-stakes) for a request. */
    public double probability(RequestText text) {
        return 1 - model.probabilities(TextFeatures.of(text))[routine];
    }

    private String likeliestDomain(double[] p) {
        int best = -1;
        for (int k = 0; k < p.length; k++) {
            if (k != routine && (best < 0 || p[k] > p[best])) {
                best = k;
            }
        }
        return model.labels().get(best);
    }

    public LinearModel model() {
        return model;
    }

    public RiskTerms terms() {
        return terms;
    }

    public Optional<SecondOpinion> secondOpinion() {
        return secondOpinion;
    }

    public double threshold() {
        return threshold;
    }
}
