package dev.gapwise.gateway.privatelag;

/**
 * A share of successes with its 95 % Wilson score interval (z = 1.959964): sound near 0 and 1, where acceptance
 * rates of good cheap models live. The same interval as {@code routing-lab}'s {@code Proportion}, which the gateway
 * module cannot depend on.
 *
 * @param successes acceptable pairs
 * @param total     scored pairs
 */
public record Wilson(long successes, long total) {
    private static final double Z = 1.959964;

    public Wilson {
        if (successes < 0 || total < 0 || successes > total) {
            throw new IllegalArgumentException(successes + " of " + total + " is not a share");
        }
    }

    public double value() {
        return total == 0 ? Double.NaN : (double) successes / total;
    }

    public double lower() {
        return bound(-1);
    }

    public double upper() {
        return bound(1);
    }

    private double bound(int sign) {
        if (total == 0) {
            return Double.NaN;
        }
        double p = value();
        double denominator = 1 + Z * Z / total;
        double centre = p + Z * Z / (2 * total);
        double spread = Z * Math.sqrt(p * (1 - p) / total + Z * Z / (4.0 * total * total));
        return Math.clamp((centre + sign * spread) / denominator, 0, 1);
    }

    /** e.g. "97 % [95, 98] (291/300)". */
    @Override
    public String toString() {
        return total == 0 ? "no pairs" : String.format(java.util.Locale.ROOT, "%.0f %% [%.0f, %.0f] (%d/%d)",
                100 * value(), 100 * lower(), 100 * upper(), successes, total);
    }
}
