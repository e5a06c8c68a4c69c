package dev.gapwise.gap.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GroupRegressionTest {
    // Ordinal day numbers around 2021: large x, where uncentred sums would lose precision.
    private static final double[] X = {738000, 738100, 738200, 738000, 738100, 738200};
    private static final boolean[] LEADER = {true, true, true, false, false, false};

    private static double[] line(double leaderA, double leaderB, double followerA, double followerB) {
        double[] y = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            y[i] = LEADER[i] ? leaderA + leaderB * X[i] : followerA + followerB * X[i];
        }
        return y;
    }

    @Test
    void separateFitRecoversEachGroupsExactLine() {
        GroupRegression fit = GroupRegression.separate(X, line(-7000, 0.01, -14000, 0.02), LEADER);

        assertThat(fit.leaderSlope()).isCloseTo(0.01, within(1e-12));
        assertThat(fit.followerSlope()).isCloseTo(0.02, within(1e-12));
        assertThat(fit.leaderAt(738200)).isCloseTo(-7000 + 7382, within(1e-6));
        assertThat(fit.followerAt(738200)).isCloseTo(-14000 + 14764, within(1e-6));
    }

    @Test
    void equalSlopesFitSharesTheMeanSlopeWhenGroupsHaveTheSameDates() {
        GroupRegression fit = GroupRegression.equalSlopes(X, line(-7000, 0.01, -14000, 0.02), LEADER);

        assertThat(fit.leaderSlope()).isCloseTo(0.015, within(1e-12));
        assertThat(fit.followerSlope()).isEqualTo(fit.leaderSlope());
        // Each group's line passes through its own mean point.
        assertThat(fit.leaderAt(738100)).isCloseTo(-7000 + 7381, within(1e-6));
        assertThat(fit.followerAt(738100)).isCloseTo(-14000 + 14762, within(1e-6));
    }

    @Test
    void groupWithOneDateGetsTheMinimumNormLineInTheSeparateFit() {
        double[] x = {10, 10, 0, 1};
        double[] y = {4, 6, 0, 1};
        boolean[] leader = {true, true, false, false};

        GroupRegression fit = GroupRegression.separate(x, y, leader);

        assertThat(fit.leaderIntercept()).isCloseTo(5.0 / 101, within(1e-12));
        assertThat(fit.leaderSlope()).isCloseTo(50.0 / 101, within(1e-12));
        assertThat(fit.followerSlope()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void equalSlopesWithoutSpreadInEitherGroupIsUndefined() {
        assertThatThrownBy(() -> GroupRegression.equalSlopes(new double[] {1, 1, 2}, new double[] {1, 2, 3},
                new boolean[] {true, true, false}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no spread in x");
    }
}
