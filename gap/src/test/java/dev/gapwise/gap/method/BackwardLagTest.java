package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.gapwise.gap.testing.Synthetic.ACCURACY;
import static dev.gapwise.gap.testing.Synthetic.INDEX;
import static dev.gapwise.gap.testing.Synthetic.day;
import static dev.gapwise.gap.testing.Synthetic.months;
import static dev.gapwise.gap.testing.Synthetic.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BackwardLagTest {
    private static final Comparison GROUPS = Comparison.OPEN_VS_CLOSED;

    private static BackwardLag identity(double tolerance) {
        return new BackwardLag(tolerance, Transform.IDENTITY, Optional.empty(), Optional.empty());
    }

    /**
     * The leader reaches 10, 20, 30 on days 0, 10, 20; the follower reaches 10 and 20 ten days later each.
     * From day 10 to day 29 the lag is 1, 2, …, 10 days, then again 1, 2, …, 10: a sawtooth.
     */
    private static Series sawtooth() {
        return scores(INDEX).closed("A10", 0, 10).closed("A20", 10, 20).closed("A30", 20, 30)
                .open("B10", 10, 10).open("B20", 20, 20).asOf(29).build();
    }

    @Test
    void dailyLagsFormASawtooth() {
        LagResult result = identity(0).measure(sawtooth(), GROUPS);

        assertThat(result.curve()).hasSize(20);
        for (int i = 0; i < 20; i++) {
            LagResult.Point point = result.curve().get(i);
            assertThat(point.date()).isEqualTo(day(10 + i));
            assertThat(point.months()).as("day %d", 10 + i).isCloseTo(months(i % 10 + 1), within(1e-12));
        }
    }

    @Test
    void headlineIsTheMeanWithMinAndMaxOfTheSawtooth() {
        LagResult result = identity(0).measure(sawtooth(), GROUPS);

        assertThat(result.months().getAsDouble()).isCloseTo(months(5.5), within(1e-12));
        assertThat(result.summary().orElseThrow().min()).isCloseTo(months(1), within(1e-12));
        assertThat(result.summary().orElseThrow().max()).isCloseTo(months(10), within(1e-12));
        assertThat(result.extra().get("lag_on_last_day_months")).isCloseTo(months(10), within(1e-12));
        assertThat(result.statistic()).isEqualTo("mean over 20 days (min 0.0, max 0.3)");
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void windowStartsNoEarlierThanBothFrontiersAndEndsOnTheGivenDay() {
        BackwardLag windowed = new BackwardLag(0, Transform.IDENTITY, Optional.of(day(0)), Optional.of(day(14)));

        LagResult result = windowed.measure(sawtooth(), GROUPS);

        assertThat(result.parameters()).containsEntry("window", "2021-01-11 to 2021-01-15");
        assertThat(result.curve()).extracting(LagResult.Point::months)
                .containsExactly(months(1), months(2), months(3), months(4), months(5));
    }

    @Test
    void leaderNotYetAheadOfTheFollowerMeansNoLag() {
        Series series = scores(INDEX).closed("A", 0, 10).closed("A+", 30, 20).open("B", 5, 10).asOf(31).build();

        LagResult result = identity(0).measure(series, GROUPS);

        assertThat(result.curve()).extracting(LagResult.Point::months).startsWith(0.0, 0.0)
                .endsWith(months(1), months(2));
    }

    @Test
    void daysBeforeTheLeaderWasEverNoBetterAreUndefinedAndCounted() {
        // Leader starts at 30, so while the follower is at 10 (days 5-7) no leader day was no better.
        Series series = scores(INDEX).closed("A30", 0, 30).closed("A40", 10, 40)
                .open("B10", 5, 10).open("B35", 8, 35).asOf(12).build();

        LagResult result = identity(0).measure(series, GROUPS);

        assertThat(result.curve()).extracting(LagResult.Point::date)
                .containsExactly(day(8), day(9), day(10), day(11), day(12));
        assertThat(result.months().getAsDouble()).as("(0 + 0 + 1 + 2 + 3) / 5 days").isCloseTo(months(1.2), within(1e-12));
        assertThat(result.notes()).containsExactly(
                "3 day(s) without a defined lag: the leader was already ahead at its first record");
    }

    @Test
    void windowWithNoDefinedDayGivesNoHeadline() {
        Series series = scores(INDEX).closed("A30", 0, 30).open("B10", 5, 10).asOf(7).build();

        LagResult result = identity(0).measure(series, GROUPS);

        assertThat(result.hasResult()).isFalse();
        assertThat(result.notes()).containsExactly("no day in the window has a defined lag",
                "3 day(s) without a defined lag: the leader was already ahead at its first record");
    }

    @Test
    void windowEndingBeforeBothGroupsExistGivesNoHeadline() {
        BackwardLag early = new BackwardLag(0, Transform.IDENTITY, Optional.empty(), Optional.of(day(3)));

        LagResult result = early.measure(sawtooth(), GROUPS);

        assertThat(result.hasResult()).isFalse();
        assertThat(result.notes()).containsExactly("the window ends before both groups have a scored model");
    }

    @Test
    void toleranceCountsAFollowerThatCloseAsLevel() {
        Series withinOne = scores(INDEX).closed("A10", 0, 10).closed("A20", 10, 20).closed("A30", 20, 30)
                .open("B9", 10, 9).open("B19", 20, 19).asOf(29).build();

        assertThat(identity(1).measure(withinOne, GROUPS).curve())
                .isEqualTo(identity(0).measure(sawtooth(), GROUPS).curve());
    }

    @Test
    void tiedAccuracyIsNotLostToInverseTransformRounding() {
        // 1 - exp(ln(1 - 0.45)) is a little below 0.45: inverting the follower's score used to make the
        // leader's equal 45 % look better than it, so every day was "undefined".
        Series series = scores(ACCURACY).closed("A45", 0, 0.45).closed("A60", 100, 0.60).open("B45", 50, 0.45)
                .asOf(120).build();

        LagResult result = new BackwardLag(0, Transform.NEG_LOG_ERROR, Optional.empty(), Optional.empty())
                .measure(series, GROUPS);

        assertThat(result.notes()).isEmpty();
        assertThat(result.curve()).hasSize(71);
        assertThat(result.months().getAsDouble()).as("50 days at 0, then 1..21 days")
                .isCloseTo(months(231.0 / 71), within(1e-12));
    }
}
