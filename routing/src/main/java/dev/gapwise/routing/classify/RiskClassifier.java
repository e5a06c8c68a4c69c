package dev.gapwise.routing.classify;

/**
 * Is a prompt high-stakes (legal, medical or financial reasoning)? Two signals, either one flags: a four-class
 * linear model (legal, medical, financial, routine) whose high-stakes probability is compared with a threshold
 * fitted on validation data for recall ≥ 0.99 on the legal and medical slices, and the explicit
 * {@link RiskTerms} list. Immutable and thread-safe.
 */
public final class RiskClassifier {
    /** Resource name of the bundled model. */
    public static final String RESOURCE = "risk.model";
    private final LinearModel model;
    private final RiskTerms terms;
    private final int routine;
    private final double threshold;

    public RiskClassifier(LinearModel model, RiskTerms terms) {
        this.model = model;
        this.terms = terms;
        this.routine = model.labels().indexOf("routine");
        if (routine < 0) {
            throw new IllegalArgumentException("a risk model needs a 'routine' class, has " + model.labels());
        }
        this.threshold = model.parameter("threshold");
    }

    /** The model shipped in the jar. */
    public static RiskClassifier bundled() {
        return new RiskClassifier(LinearModel.resource(RESOURCE), RiskTerms.bundled());
    }

    public RiskAssessment assess(String text) {
        return assess(text, TextFeatures.of(text));
    }

    /** The verdict on a text whose features are already computed. */
    public RiskAssessment assess(String text, SparseVector features) {
        return decide(text, model.probabilities(features));
    }

    /** The model's verdict alone, without the term list. */
    public RiskAssessment assess(SparseVector features) {
        return decide(model.probabilities(features));
    }

    /** The verdict from the model's class probabilities (computed elsewhere, e.g. by a {@link FusedScorer}). */
    public RiskAssessment decide(String text, double[] probabilities) {
        RiskAssessment byModel = decide(probabilities);
        java.util.Optional<RiskTerms.Match> match = terms.find(text);
        if (match.isPresent()) {
            return new RiskAssessment(true, byModel.probability(), match.get().domain(), threshold, match.get().term());
        }
        return byModel;
    }

    private RiskAssessment decide(double[] p) {
        double highStakes = 1 - p[routine];
        int best = routine;
        for (int k = 0; k < p.length; k++) {
            if (k != routine && (best == routine || p[k] > p[best])) {
                best = k;
            }
        }
        boolean flagged = highStakes >= threshold;
        return new RiskAssessment(flagged, highStakes, flagged ? model.labels().get(best) : "routine", threshold, "");
    }

    public LinearModel model() {
        return model;
    }
}
