package dev.gapwise.routing;

import dev.gapwise.routing.classify.ComplexityClassifier;
import dev.gapwise.routing.classify.RiskClassifier;
import dev.gapwise.routing.quality.QualityRouter;

import java.util.Objects;

/**
 * The three learned components a {@link Router} uses. Immutable and thread-safe.
 *
 * @param risk       the risk gate
 * @param complexity the complexity classifier
 * @param quality    the quality router
 */
public record Classifiers(RiskClassifier risk, ComplexityClassifier complexity, QualityRouter quality) {
    public Classifiers {
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(complexity, "complexity");
        Objects.requireNonNull(quality, "quality");
    }

    /** The models shipped in the jar (loading takes a few hundred milliseconds; do it once). */
    public static Classifiers bundled() {
        return new Classifiers(RiskClassifier.bundled(), ComplexityClassifier.bundled(), QualityRouter.bundled());
    }
}
