package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import org.junit.jupiter.api.Test;

import static dev.gapwise.gap.testing.Synthetic.COMPUTE;
import static dev.gapwise.gap.testing.Synthetic.INDEX;
import static dev.gapwise.gap.testing.Synthetic.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RegressionLagTest {
    private static final Comparison GROUPS = Comparison.OPEN_VS_CLOSED;

    /** log10 FLOP on exact lines: leader 20 + years, follower 19.5 + years (half a year behind). */
    private static Series parallelLines() {
        return scores(COMPUTE)
                .closed("A0", 0, 1e20).closed("A1", 365, 1e21).closed("A2", 730, 1e22)
                .open("B1", 365, Math.pow(10, 20.5)).open("B2", 730, Math.pow(10, 21.5))
                .open("B3", 1095, Math.pow(10, 22.5))
                .build();
    }

    /**
     * Leader 20 + years, follower 17.5 + 2·years, both on days 0, 365, 730. At the last date (2 years) the
     * leader line is at 22 and the follower's at 21.5: 0.5 / (1 per year) = 6 months with separate slopes.
     * The equal-slopes fit shares the mean slope 1.5 per year; its intercepts are 19.5 and 18, so the gap is
     * 1.5 / 1.5 = 12 months.
     */
    private static Series divergingLines() {
        return scores(COMPUTE)
                .closed("A0", 0, 1e20).closed("A1", 365, 1e21).closed("A2", 730, 1e22)
                .open("B0", 0, Math.pow(10, 17.5)).open("B1", 365, Math.pow(10, 19.5))
                .open("B2", 730, Math.pow(10, 21.5))
                .build();
    }

    /** Twelve scattered points, so that resamples differ. */
    private static Series scattered() {
        return scores(INDEX)
                .closed("A0", 0, 10).closed("A1", 50, 13).closed("A2", 120, 14).closed("A3", 200, 19)
                .closed("A4", 260, 21).closed("A5", 365, 25)
                .open("B0", 30, 6).open("B1", 90, 9).open("B2", 150, 10).open("B3", 240, 15)
                .open("B4", 300, 16).open("B5", 400, 20)
                .build();
    }

    @Test
    void parallelExactLinesGiveTheirHorizontalOffset() {
        LagResult result = new RegressionLag(Transform.LOG10, 0, 43).measure(parallelLines(), GROUPS);

        assertThat(result.months().getAsDouble()).isCloseTo(6.0, within(1e-6));
        assertThat(result.extra().get("equal_slopes_months")).isCloseTo(6.0, within(1e-6));
        assertThat(result.extra().get("separate_slopes_months")).isCloseTo(6.0, within(1e-6));
        assertThat(result.extra().get("growth_per_year_equal")).as("one order of magnitude a year")
                .isCloseTo(10.0, within(1e-6));
        assertThat(result.statistic()).isEqualTo("equal-slopes fit over 3 + 3 records");
        assertThat(result.summary()).as("no bootstrap, no interval").isEmpty();
    }

    @Test
    void separateAndEqualSlopesDifferWhenTheLinesDiverge() {
        LagResult result = new RegressionLag(Transform.LOG10, 0, 43).measure(divergingLines(), GROUPS);

        assertThat(result.extra().get("separate_slopes_months")).isCloseTo(6.0, within(1e-6));
        assertThat(result.extra().get("equal_slopes_months")).isCloseTo(12.0, within(1e-6));
        assertThat(result.months().getAsDouble()).isCloseTo(12.0, within(1e-6));
        assertThat(result.extra().get("growth_per_year_leader")).isCloseTo(10.0, within(1e-6));
        assertThat(result.extra().get("growth_per_year_follower")).isCloseTo(100.0, within(1e-5));
        assertThat(result.extra().get("growth_per_year_equal")).isCloseTo(Math.pow(10, 1.5), within(1e-6));
    }

    @Test
    void identityScaleReportsGrowthAsPointsPerYear() {
        Series series = scores(INDEX).closed("A0", 0, 100).closed("A1", 365, 110)
                .open("B0", 0, 90).open("B1", 365, 100).build();

        LagResult result = new RegressionLag(Transform.IDENTITY, 0, 43).measure(series, GROUPS);

        assertThat(result.extra().get("growth_per_year_equal")).isCloseTo(10.0, within(1e-9));
        assertThat(result.months().getAsDouble()).as("10 points behind at 10 points a year")
                .isCloseTo(12.0, within(1e-9));
    }

    @Test
    void bootstrapIsDeterministicForASeed() {
        LagResult first = new RegressionLag(Transform.IDENTITY, 200, 7).measure(scattered(), GROUPS);
        LagResult again = new RegressionLag(Transform.IDENTITY, 200, 7).measure(scattered(), GROUPS);
        LagResult otherSeed = new RegressionLag(Transform.IDENTITY, 200, 8).measure(scattered(), GROUPS);

        assertThat(again.extra()).isEqualTo(first.extra());
        assertThat(again.summary()).isEqualTo(first.summary());
        assertThat(otherSeed.extra().get("equal_slopes_ci5")).isNotEqualTo(first.extra().get("equal_slopes_ci5"));
        assertThat(otherSeed.months()).as("the point estimate does not depend on the seed").isEqualTo(first.months());
    }

    @Test
    void bootstrapIntervalBracketsThePointEstimate() {
        LagResult result = new RegressionLag(Transform.IDENTITY, 200, 7).measure(scattered(), GROUPS);

        double point = result.months().getAsDouble();
        assertThat(result.extra().get("equal_slopes_ci5")).isLessThan(point);
        assertThat(result.extra().get("equal_slopes_ci95")).isGreaterThan(point);
        assertThat(result.summary().orElseThrow().count()).isEqualTo(200);
        assertThat(result.statistic()).endsWith(", 90% bootstrap interval");
    }

    @Test
    void bootstrapSurvivesResamplesWithNoSpreadInDates() {
        // With two records per group a quarter of the resamples hold one date per group, where no slope can be
        // fitted; the equal-slopes fit used to throw "no spread in x" out of measure().
        Series series = scores(COMPUTE).closed("A0", 0, 1e20).closed("A1", 365, 1e21)
                .open("B0", 0, Math.pow(10, 19.5)).open("B1", 365, Math.pow(10, 20.5)).build();

        LagResult result = new RegressionLag(Transform.LOG10, 1000, 43).measure(series, GROUPS);

        assertThat(result.months().getAsDouble()).isCloseTo(6.0, within(1e-6));
        assertThat(result.summary().orElseThrow().count()).isBetween(1, 999);
        assertThat(result.notes()).singleElement().asString()
                .endsWith("resamples skipped: a group had no rows or no spread in dates, so no line could be fitted");
    }

    @Test
    void fewerThanTwoRecordsPerGroupGiveNoResult() {
        Series series = scores(COMPUTE).closed("A0", 0, 1e20).closed("A1", 365, 1e21).open("B", 100, 1e20).build();

        LagResult result = new RegressionLag(Transform.LOG10, 0, 43).measure(series, GROUPS);

        assertThat(result.hasResult()).isFalse();
        assertThat(result.notes()).containsExactly("each group needs at least two records to fit a line");
    }

    @Test
    void negativeBootstrapCountIsRejected() {
        assertThatThrownBy(() -> new RegressionLag(Transform.LOG10, -1, 43))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
