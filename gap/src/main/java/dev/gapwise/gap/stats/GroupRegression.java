package dev.gapwise.gap.stats;

/**
 * Least-squares lines y = a_g + b_g·x for two groups (leader and follower), either with a slope per group
 * ("separate") or one slope shared by both ("equal"), each group keeping its own intercept. These are the
 * two models of Epoch's 2024 compute-lag regression; the design has no common constant, so the fits reduce
 * to centred sums per group, which keep full precision even for x in the hundreds of thousands (ordinal
 * day numbers).
 *
 * <p>Degenerate groups follow the minimum-norm least-squares solution (what a pseudo-inverse gives): a
 * group with one distinct x gets a = ȳ/(1+x²), b = ȳ·x/(1+x²) in the separate fit; an empty group gets 0.
 *
 * @param leaderIntercept   a of the leader group
 * @param leaderSlope       b of the leader group (per unit of x)
 * @param followerIntercept a of the follower group
 * @param followerSlope     b of the follower group (equal to leaderSlope in the equal-slope fit)
 */
public record GroupRegression(double leaderIntercept, double leaderSlope, double followerIntercept,
                              double followerSlope) {

    /** The leader's fitted value at x. */
    public double leaderAt(double x) {
        return leaderIntercept + leaderSlope * x;
    }

    /** The follower's fitted value at x. */
    public double followerAt(double x) {
        return followerIntercept + followerSlope * x;
    }

    /** One slope per group. */
    public static GroupRegression separate(double[] x, double[] y, boolean[] leader) {
        Moments l = Moments.of(x, y, leader, true);
        Moments f = Moments.of(x, y, leader, false);
        double[] leaderLine = l.line();
        double[] followerLine = f.line();
        return new GroupRegression(leaderLine[0], leaderLine[1], followerLine[0], followerLine[1]);
    }

    /** One slope shared by both groups, pooled within groups. */
    public static GroupRegression equalSlopes(double[] x, double[] y, boolean[] leader) {
        Moments l = Moments.of(x, y, leader, true);
        Moments f = Moments.of(x, y, leader, false);
        double sxx = l.sxx + f.sxx;
        if (sxx == 0) {
            throw new IllegalArgumentException("no spread in x within either group: the slope is undefined");
        }
        double slope = (l.sxy + f.sxy) / sxx;
        double leaderIntercept = l.n == 0 ? 0 : l.meanY - slope * l.meanX;
        double followerIntercept = f.n == 0 ? 0 : f.meanY - slope * f.meanX;
        return new GroupRegression(leaderIntercept, slope, followerIntercept, slope);
    }

    /** Centred sums of one group. */
    private record Moments(int n, double meanX, double meanY, double sxx, double sxy) {
        static Moments of(double[] x, double[] y, boolean[] leader, boolean wanted) {
            int n = 0;
            double sumX = 0;
            double sumY = 0;
            for (int i = 0; i < x.length; i++) {
                if (leader[i] == wanted) {
                    n++;
                    sumX += x[i];
                    sumY += y[i];
                }
            }
            if (n == 0) {
                return new Moments(0, 0, 0, 0, 0);
            }
            double meanX = sumX / n;
            double meanY = sumY / n;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < x.length; i++) {
                if (leader[i] == wanted) {
                    sxx += (x[i] - meanX) * (x[i] - meanX);
                    sxy += (x[i] - meanX) * (y[i] - meanY);
                }
            }
            return new Moments(n, meanX, meanY, sxx, sxy);
        }

        /** {a, b} of this group's own line, minimum-norm when x has no spread. */
        double[] line() {
            if (n == 0) {
                return new double[] {0, 0};
            }
            if (sxx == 0) {
                double denominator = 1 + meanX * meanX;
                return new double[] {meanY / denominator, meanY * meanX / denominator};
            }
            double slope = sxy / sxx;
            return new double[] {meanY - slope * meanX, slope};
        }
    }
}
