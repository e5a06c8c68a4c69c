package dev.gapwise.routing.classify;

import dev.gapwise.routing.Complexity;

import java.util.Locale;

/**
 * How likely is a cheap model to fall short of a frontier model on a request? A three-class linear model on the
 * request's text (labels: written by hand for realistic requests, and calibrated from outcome data elsewhere —
 * routine work on text is low whatever its length), then adjusted by the request's shape: an instruction shorter
 * than the model's {@code short_prompt_chars} with nothing pasted and no code block is at most medium (a few words
 * give the model too little to call a request hard); tools, three or more turns or a code block make it at least
 * medium. Length alone never makes a request high: summarising or translating a long text is routine work.
 * Immutable and thread-safe.
 */
public final class ComplexityClassifier {
    /** Resource name of the bundled model. */
    public static final String RESOURCE = "complexity.model";
    /** Name of the model parameter: instructions shorter than this many characters are at most medium. */
    public static final String SHORT_PROMPT = "short_prompt_chars";
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

    /** The level of a one-turn request without tools. */
    public ComplexityAssessment assess(String text) {
        return assess(RequestText.of(text), 1, false);
    }

    /**
     * The level of a request.
     *
     * @param text  the request's text
     * @param turns number of user turns
     * @param tools whether the request offers tools
     */
    public ComplexityAssessment assess(RequestText text, int turns, boolean tools) {
        return decide(text, model.probabilities(TextFeatures.of(text)), turns, tools);
    }

    /** The level from the model's class probabilities (computed elsewhere, e.g. by a {@link FusedScorer}). */
    public ComplexityAssessment decide(RequestText text, double[] p, int turns, boolean tools) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        Complexity fromText = Complexity.parse(model.labels().get(best)).orElseThrow();
        String reason = String.format(Locale.ROOT, "text model: %s (%.2f)", fromText.id(), p[best]);
        Complexity level = fromText;
        boolean code = text.instruction().contains("```") || text.pasted().contains("```");
        if (level == Complexity.HIGH && !code && !text.hasPasted() && text.instruction().length() < shortPrompt) {
            level = Complexity.MEDIUM;
            reason += "; lowered to medium: " + text.instruction().length() + "-character instruction";
        }
        Complexity shaped = level;
        if (tools || turns >= 3 || code) {
            level = level.atLeast(Complexity.MEDIUM);
        }
        if (level != shaped) {
            reason += "; raised to " + level.id() + ": " + (code ? "code block" : tools ? "tools" : turns + " turns");
        }
        return new ComplexityAssessment(level, fromText, p[best], reason);
    }

    /** The probability of the high class alone (for ordering checks against difficulty labels). */
    public double highProbability(RequestText text) {
        return model.probabilities(TextFeatures.of(text))[model.labels().indexOf("high")];
    }

    public LinearModel model() {
        return model;
    }
}
