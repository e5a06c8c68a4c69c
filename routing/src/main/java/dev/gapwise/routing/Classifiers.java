package dev.gapwise.routing;

import dev.gapwise.routing.classify.ComplexityAssessment;
import dev.gapwise.routing.classify.FusedScorer;
import dev.gapwise.routing.classify.RiskAssessment;
import dev.gapwise.routing.classify.ComplexityClassifier;
import dev.gapwise.routing.classify.RiskClassifier;
import dev.gapwise.routing.classify.RequestText;
import dev.gapwise.routing.classify.SecondOpinion;
import dev.gapwise.routing.classify.SparseVector;
import dev.gapwise.routing.quality.Knob;
import dev.gapwise.routing.quality.QualityEstimate;
import dev.gapwise.routing.quality.QualityRouter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The three learned components a {@link Router} uses, scored together in one pass over the features by a
 * {@link FusedScorer}. Immutable and thread-safe.
 */
public final class Classifiers {
    private final RiskClassifier risk;
    private final ComplexityClassifier complexity;
    private final QualityRouter quality;
    private final FusedScorer scorer;

    /** The verdicts on one prompt. */
    record Verdicts(RiskAssessment risk, ComplexityAssessment complexity, double[] strong, double[] weak) {
        QualityEstimate quality(QualityRouter router, Knob knob) {
            return router.estimate(strong, weak, knob);
        }
    }

    public Classifiers(RiskClassifier risk, ComplexityClassifier complexity, QualityRouter quality) {
        this.risk = Objects.requireNonNull(risk, "risk");
        this.complexity = Objects.requireNonNull(complexity, "complexity");
        this.quality = Objects.requireNonNull(quality, "quality");
        List<dev.gapwise.routing.classify.LinearModel> models = new ArrayList<>();
        models.add(risk.model());
        models.add(complexity.model());
        models.addAll(quality.models());
        this.scorer = new FusedScorer(models);
    }

    /** The models shipped in the jar (loading takes a second; do it once). */
    public static Classifiers bundled() {
        return new Classifiers(RiskClassifier.bundled(), ComplexityClassifier.bundled(), QualityRouter.bundled());
    }

    public RiskClassifier risk() {
        return risk;
    }

    public ComplexityClassifier complexity() {
        return complexity;
    }

    public QualityRouter quality() {
        return quality;
    }

    /** The same classifiers with a second opinion on unsure risk verdicts. */
    public Classifiers withSecondOpinion(SecondOpinion opinion) {
        return new Classifiers(risk.withSecondOpinion(opinion), complexity, quality);
    }

    /**
     * The verdicts on a request; {@code secondOpinion} false keeps the risk gate on its fast model (when the tier
     * is already settled at the top, the slower opinion cannot change anything).
     */
    Verdicts verdicts(RequestText text, SparseVector features, int turns, boolean tools, boolean secondOpinion) {
        double[][] p = scorer.probabilities(features);
        RiskAssessment verdict = secondOpinion ? risk.decide(text, p[0]) : risk.decideFast(text, p[0]);
        return new Verdicts(verdict, complexity.decide(text, p[1], turns, tools), p[2], p[3]);
    }
}
