package dev.gapwise.routing.lab.eval;

/**
 * A share of successes with its 95 % Wilson score interval (sound near 0 and 1, where recall and escalation
 * rates live).
 *
 * @param successes the count of hits
 * @param total     the count of trials
 */
public record Proportion(long successes, long total) {

    public double value() {
        return total == 0 ? Double.NaN : (double) successes / total;
    }

    public double lower() {
        return wilson(-1);
    }

    public double upper() {
        return wilson(1);
    }

    private double wilson(int sign) {
        if (total == 0) {
            return Double.NaN;
        }
        double z = 1.959964;
        double p = value();
        double denominator = 1 + z * z / total;
        double centre = p + z * z / (2 * total);
        double spread = z * Math.sqrt(p * (1 - p) / total + z * z / (4.0 * total * total));
        return Math.clamp((centre + sign * spread) / denominator, 0, 1);
    }

    /** e.g. "0.991 [0.985, 0.995] (1234/1245)". */
    @Override
    public String toString() {
        return String.format("%.3f [%.3f, %.3f] (%d/%d)", value(), lower(), upper(), successes, total);
    }
}
