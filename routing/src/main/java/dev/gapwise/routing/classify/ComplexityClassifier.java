package dev.gapwise.routing.classify;

import dev.gapwise.routing.Complexity;

/**
 * How hard is a request? A three-class linear model on the text (low = Banking77/CLINC150-like requests,
 * medium = exam and word-problem questions and creative writing, high = the other Arena-Hard/MT-Bench-like
 * tasks), then adjusted by the request's shape: a prompt shorter than the model's {@code short_prompt_chars}
 * without a code block is at most medium, because a few words give the model too little to call a request hard
 * (it said high for "write a haiku about autumn": short coding requests start the same way); tools or three or
 * more turns make it at least medium; a code block with a long prompt, or a very long prompt, makes it high.
 * Immutable and thread-safe.
 */
public final class ComplexityClassifier {
    /** Resource name of the bundled model. */
    public static final String RESOURCE = "complexity.model";
    static final int LONG_PROMPT = 6_000;
    /** Name of the model parameter: prompts shorter than this many characters are at most medium. */
    static final String SHORT_PROMPT = "short_prompt_chars";
    private final LinearModel model;
    private final double shortPrompt;

    public ComplexityClassifier(LinearModel model) {
        this.model = model;
        for (Complexity level : Complexity.values()) {
            if (!model.labels().contains(level.id())) {
                throw new IllegalArgumentException("a complexity model needs classes low, medium, high: " + model.labels());
            }
        }
        this.shortPrompt = model.parameter(SHORT_PROMPT);
    }

    /** The model shipped in the jar. */
    public static ComplexityClassifier bundled() {
        return new ComplexityClassifier(LinearModel.resource(RESOURCE));
    }

    /** The text-only level. */
    public ComplexityAssessment assess(String text) {
        return assess(text, TextFeatures.of(text), 1, false);
    }

    /**
     * The level of a request.
     *
     * @param text     the prompt text (all user turns)
     * @param features its {@link TextFeatures}
     * @param turns    number of user turns
     * @param tools    whether the request offers tools
     */
    public ComplexityAssessment assess(String text, SparseVector features, int turns, boolean tools) {
        return decide(text, model.probabilities(features), turns, tools);
    }

    /** The level from the model's class probabilities (computed elsewhere, e.g. by a {@link FusedScorer}). */
    public ComplexityAssessment decide(String text, double[] p, int turns, boolean tools) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        Complexity fromText = Complexity.parse(model.labels().get(best)).orElseThrow();
        String reason = String.format("text: %s (%.2f)", fromText.id(), p[best]);
        Complexity level = fromText;
        boolean code = text.contains("```");
        if (level == Complexity.HIGH && !code && text.length() < shortPrompt) {
            level = Complexity.MEDIUM;
            reason += "; lowered to medium: " + text.length() + " chars";
        }
        Complexity shaped = level;
        if (text.length() > LONG_PROMPT || (code && text.length() > LONG_PROMPT / 3)) {
            level = level.atLeast(Complexity.HIGH);
        } else if (tools || turns >= 3 || code) {
            level = level.atLeast(Complexity.MEDIUM);
        }
        if (level != shaped) {
            reason += "; raised to " + level.id() + ": " + (text.length() > LONG_PROMPT ? text.length() + " chars"
                    : code ? "code block" : tools ? "tools" : turns + " turns");
        }
        return new ComplexityAssessment(level, fromText, p[best], reason);
    }

    public LinearModel model() {
        return model;
    }
}
