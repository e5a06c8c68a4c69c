package dev.gapwise.routing.quality;

/**
 * The quality router's estimate for one request.
 *
 * @param weakAcceptable   P(the cheaper model answers acceptably)
 * @param strongAcceptable P(the strong model answers acceptably)
 * @param gain             expected gain of the strong model, strongAcceptable − weakAcceptable
 * @param threshold        the gain at or above which the knob sends the request to the strong model
 * @param needsStrong      gain ≥ threshold
 */
public record QualityEstimate(double weakAcceptable, double strongAcceptable, double gain, double threshold,
                              boolean needsStrong) {

    /** e.g. "P(cheap ok)=0.81, gain 0.07 < 0.12: cheap is good enough". */
    public String reason() {
        return String.format("P(cheap ok)=%.2f, gain %.2f %s %.2f: %s", weakAcceptable, gain,
                needsStrong ? ">=" : "<", threshold, needsStrong ? "needs the strong model" : "cheap is good enough");
    }
}
