package dev.gapwise.gap.reproduce;

import java.util.List;
import java.util.Objects;

/**
 * One figure, published against recomputed.
 *
 * @param figure     the reference figure
 * @param status     how they compare
 * @param recomputed the recomputed numbers, printed at the published rounding ("13 / 15"), or empty
 * @param compared   which labelled numbers were compared
 * @param method     how they were computed
 * @param snapshot   from which data
 * @param tolerance  the tolerance applied to approximate figures, in words; empty when exact is required
 * @param notes      caveats, or the reason the figure cannot be computed
 */
public record Reproduction(ReferenceFigure figure, Status status, String recomputed, List<String> compared,
                           String method, String snapshot, String tolerance, List<String> notes) {
    public Reproduction {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(status, "status");
        compared = List.copyOf(compared);
        notes = List.copyOf(notes);
    }

    /** The outcome of one comparison. */
    public enum Status {
        /** Every compared number equals the published one at its printed rounding. */
        EXACT,
        /** Within the stated tolerance (figures the reference marks approximate). */
        WITHIN_TOLERANCE,
        /** Computed, but different from the published value. */
        DIFFERENT,
        /** The data cannot support it; the notes say why. */
        NOT_COMPUTABLE
    }
}
