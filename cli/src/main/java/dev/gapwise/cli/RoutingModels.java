package dev.gapwise.cli;

import dev.gapwise.routing.Classifiers;
import dev.gapwise.routing.embedding.EmbeddingSecondOpinion;
import dev.gapwise.routing.policy.Policy;

/** The classifiers a policy asks for: the bundled fast models, plus the embedding second opinion unless it is off. */
final class RoutingModels {
    private RoutingModels() {
    }

    static Classifiers forPolicy(Policy policy) {
        Classifiers fast = Classifiers.bundled();
        return policy.secondOpinion() ? fast.withSecondOpinion(EmbeddingSecondOpinion.bundled()) : fast;
    }
}
