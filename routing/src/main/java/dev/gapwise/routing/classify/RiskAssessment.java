package dev.gapwise.routing.classify;

import java.util.Locale;

/**
 * The risk gate's verdict.
 *
 * @param highStakes  whether the request is high-stakes
 * @param probability the fast path's P(legal or medical or financial)
 * @param domain      the most likely high-stakes domain (legal, medical, financial), or routine
 * @param threshold   the fast path's threshold
 * @param decidedBy   what decided: a crisis term, the fast model or the second opinion
 * @param detail      the term that matched, or the second opinion's description and probability, or ""
 */
public record RiskAssessment(boolean highStakes, double probability, String domain, double threshold,
                             DecidedBy decidedBy, String detail) {
    /** What decided the verdict. */
    public enum DecidedBy {
        /** A crisis term in the instruction. */
        TERM,
        /** The fast hashed-n-gram model. */
        FAST_MODEL,
        /** The second opinion, asked because the fast model was unsure. */
        SECOND_OPINION
    }

    /** The matched term, when a term decided. */
    public String term() {
        return decidedBy == DecidedBy.TERM ? detail : "";
    }

    /**
     * Why, in words a policy owner can check: "medical: crisis term 'chest pain'", "legal (fast model: P(high-stakes)
     * 0.93 >= 0.28)", "routine (fast model: P(high-stakes) 0.02 < 0.28)", or the second opinion's verdict.
     */
    public String reason() {
        String verdict = highStakes ? domain : "routine";
        return switch (decidedBy) {
            case TERM -> domain + ": crisis term '" + detail + "'";
            case FAST_MODEL -> String.format(Locale.ROOT, "%s (fast model: P(high-stakes) %.2f %s %.2f)", verdict,
                    probability, highStakes ? ">=" : "<", threshold);
            case SECOND_OPINION -> String.format(Locale.ROOT, "%s (%s; fast model unsure at %.2f)", verdict, detail,
                    probability);
        };
    }
}
