package dev.gapwise.gateway.score;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The verdict on one pair: is the candidate's answer acceptable in place of the reference's, on what basis, with
 * the similarity (NaN when no text was compared) and the judge's 1-5 score when a judge was asked. Immutable.
 *
 * @param acceptable whether the candidate may stand in for the reference
 * @param basis      which check decided
 * @param similarity 0..1, or NaN when the decision came before any similarity
 * @param judgeScore the judge's score on the rubric's 1-5 scale, when asked
 * @param detail     one line on why, e.g. "tool call get_weather: arguments differ"
 */
public record PairScore(boolean acceptable, Basis basis, double similarity, OptionalInt judgeScore, String detail) {
    public PairScore {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(judgeScore, "judgeScore");
        Objects.requireNonNull(detail, "detail");
    }

    static PairScore of(boolean acceptable, Basis basis, String detail) {
        return new PairScore(acceptable, basis, Double.NaN, OptionalInt.empty(), detail);
    }

    /** The check that decided, in the order they run. */
    public enum Basis {
        /** The candidate answered nothing while the reference did. */
        EMPTY,
        /** The candidate refused where the reference answered. */
        REFUSAL,
        /** Both refused: the candidate behaves as the reference. */
        BOTH_REFUSED,
        /** Tool calls compared exactly (names and canonical arguments). */
        TOOL_CALLS,
        /** Structured output that is not JSON, or breaks the request's schema. */
        JSON_INVALID,
        /** Structured output compared field by field. */
        JSON_FIELDS,
        /** Far shorter or longer than the reference. */
        LENGTH,
        /** Word-overlap similarity against the threshold. */
        SIMILARITY,
        /** The judge deployment's score on the fixed rubric. */
        JUDGE,
        /** A user's feedback on the request (ground truth). */
        FEEDBACK;

        /** The lower-case name stored and reported. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The basis of a stored id. */
        public static Basis ofId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }
}
