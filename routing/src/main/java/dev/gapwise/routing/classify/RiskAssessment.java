package dev.gapwise.routing.classify;

/**
 * The risk classifier's verdict.
 *
 * @param highStakes  true when P(high-stakes) reaches the model's validation-fitted threshold
 * @param probability P(legal or medical or financial)
 * @param domain      the most likely high-stakes domain (legal, medical, financial), or routine
 * @param threshold   the threshold used
 * @param term        the high-stakes term that flagged the prompt, or empty when the model alone decided
 */
public record RiskAssessment(boolean highStakes, double probability, String domain, double threshold, String term) {

    /** Why, in words: "legal (term 'landlord*')" or "medical (p=0.93 >= 0.28)" or "routine (p=0.02 < 0.28)". */
    public String reason() {
        if (!term.isEmpty()) {
            return domain + " (term '" + term + "')";
        }
        return String.format("%s (p=%.2f %s %.2f)", domain, probability, highStakes ? ">=" : "<", threshold);
    }
}
