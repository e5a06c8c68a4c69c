package dev.gapwise.routing.lab.eval;

import java.util.OptionalDouble;

/**
 * The numbers of one router on one pair, as the baseline table of EVALUATION.md prints them.
 *
 * @param router    the router's name
 * @param apgr      average performance gap recovered
 * @param cpt50     strong-call share for PGR ≥ 50 %
 * @param cpt80     … ≥ 80 %
 * @param cpt95     … ≥ 95 %
 * @param calls95   strong-call share for 95 % of the strong model's quality
 */
public record CurveSummary(String router, double apgr, OptionalDouble cpt50, OptionalDouble cpt80,
                           OptionalDouble cpt95, OptionalDouble calls95) {

    /** Summarises a curve under a router name. */
    public static CurveSummary of(String router, QualityCurve curve) {
        return new CurveSummary(router, curve.apgr(), curve.cpt(0.50), curve.cpt(0.80), curve.cpt(0.95),
                curve.callsFor(0.95));
    }
}
