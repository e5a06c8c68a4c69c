package dev.gapwise.gateway.translate;

/**
 * Thrown inside this package's pure functions when a request part has no equivalent in the other dialect; {@link
 * Translation#request} turns it into a {@link Translation.Request.Refused} value at the package's edge.
 */
final class UntranslatablePart extends RuntimeException {
    UntranslatablePart(String where, String what) {
        super(where + ": " + what);
    }
}
