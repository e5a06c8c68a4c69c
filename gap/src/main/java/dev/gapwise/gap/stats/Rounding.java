package dev.gapwise.gap.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding the way published figures were printed: the exact binary value rounded half-even to a number
 * of decimals (Python's {@code f"{x:.1f}"}), and numpy's {@code round}, which scales, rounds to the
 * nearest integer (ties to even) and scales back. Comparing at the published rounding needs both.
 */
public final class Rounding {
    private Rounding() {
    }

    /** The exact value of {@code x} rounded half-even to {@code decimals} places. */
    public static BigDecimal exact(double x, int decimals) {
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN);
    }

    /** numpy's {@code np.round(x, decimals)}: rint(x·10^d)/10^d on doubles. */
    public static double numpy(double x, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.rint(x * scale) / scale;
    }

    /** {@code x} printed with {@code decimals} places, as Python's format would. */
    public static String format(double x, int decimals) {
        return exact(x, decimals).toPlainString();
    }
}
