package dev.gapwise.routing.classify;

/**
 * A slower, stronger judge of whether a request is high-stakes, asked only when the fast path is unsure (its
 * P(high-stakes) falls in the band {@link #bandLow()}..{@link #bandHigh()} fitted on validation data). The runtime
 * only knows this interface; an implementation (a sentence-embedding model with a trained head) lives in its own
 * module. Implementations must be thread-safe.
 */
public interface SecondOpinion {
    /**
     * Its verdict: P(high-stakes) (it may combine its own estimate with the fast model's), the most likely
     * high-stakes domain ("unknown" when it could not tell), the threshold that probability is held to, and a note
     * when it could not judge and says what it decided instead ("" otherwise).
     */
    record Verdict(double probability, String domain, double threshold, String note) {
        public Verdict(double probability, String domain, double threshold) {
            this(probability, domain, threshold, "");
        }

        public boolean highStakes() {
            return probability >= threshold;
        }
    }

    /** Judges a request the fast model gave {@code fastProbability}. */
    Verdict assess(RequestText text, double fastProbability);

    /** Fast-path probabilities from this value on (inclusive) are unsure. */
    double bandLow();

    /** Fast-path probabilities below this value are unsure. */
    double bandHigh();

    /** What it is, for reasons: e.g. "all-MiniLM-L6-v2 embedding + logistic head". */
    String describe();
}
