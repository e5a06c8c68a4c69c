package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import org.junit.jupiter.api.Test;

import static dev.gapwise.gap.testing.Synthetic.ACCURACY;
import static dev.gapwise.gap.testing.Synthetic.INDEX;
import static dev.gapwise.gap.testing.Synthetic.months;
import static dev.gapwise.gap.testing.Synthetic.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HorizontalDistanceTest {
    private static final Comparison GROUPS = Comparison.OPEN_VS_CLOSED;

    /**
     * Leader steps to 10 on day 0 and 20 on day 73; follower to 10 on day 73 and 20 on day 365. Inverted:
     * score 10 is 73 days apart (2.4 months), every score in (10, 20] is 292 days apart (9.6 months).
     */
    private static Series steps() {
        return scores(INDEX).closed("A10", 0, 10).closed("A20", 73, 20).open("B10", 73, 10).open("B20", 365, 20)
                .build();
    }

    @Test
    void twoGridPointsAverageTheDistanceAtBothEndsOfTheSharedRange() {
        LagResult result = new HorizontalDistance(0, Transform.IDENTITY, 2).measure(steps(), GROUPS);

        assertThat(result.months().getAsDouble()).as("(2.4 + 9.6) / 2").isCloseTo(6.0, within(1e-9));
        assertThat(result.statistic()).isEqualTo("mean over 2 score levels");
        assertThat(result.parameters()).containsEntry("score range", "10.0 to 20.0");
    }

    @Test
    void finerGridWeighsEachStepByTheShareOfScoresItCovers() {
        LagResult result = new HorizontalDistance(0, Transform.IDENTITY, 11).measure(steps(), GROUPS);

        // Scores 10, 11, …, 20: one at 2.4 months, ten at 9.6.
        assertThat(result.months().getAsDouble()).isCloseTo((2.4 + 10 * 9.6) / 11, within(1e-9));
        assertThat(result.summary().orElseThrow().min()).isCloseTo(2.4, within(1e-9));
        assertThat(result.summary().orElseThrow().max()).isCloseTo(9.6, within(1e-9));
    }

    @Test
    void frontiersShiftedInTimeGiveTheShiftAtEveryScore() {
        Series series = scores(INDEX).closed("A10", 0, 10).closed("A20", 73, 20)
                .open("B10", 73, 10).open("B20", 146, 20).build();

        LagResult result = new HorizontalDistance(0, Transform.IDENTITY, 50).measure(series, GROUPS);

        assertThat(result.summary().orElseThrow().min()).isCloseTo(months(73), within(1e-9));
        assertThat(result.summary().orElseThrow().max()).isCloseTo(months(73), within(1e-9));
    }

    @Test
    void toleranceLowersTheScoreTheFollowerMustReach() {
        Series series = scores(INDEX).closed("A10", 0, 10).closed("A20", 73, 20)
                .open("B9.5", 73, 9.5).open("B19.5", 365, 19.5).build();

        LagResult result = new HorizontalDistance(0.5, Transform.IDENTITY, 2).measure(series, GROUPS);

        assertThat(result.months().getAsDouble()).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void frontiersWithoutACommonScoreRangeGiveNoResult() {
        Series series = scores(INDEX).closed("A", 0, 10).closed("A+", 73, 20).open("B", 0, 1).open("B+", 73, 5)
                .build();

        LagResult result = new HorizontalDistance(0, Transform.IDENTITY, 10).measure(series, GROUPS);

        assertThat(result.hasResult()).isFalse();
        assertThat(result.notes()).containsExactly("the two frontiers share no score range");
    }

    @Test
    void groupWithoutScoresGivesNoResult() {
        Series series = scores(INDEX).closed("A", 0, 10).build();

        assertThat(new HorizontalDistance(0, Transform.IDENTITY, 10).measure(series, GROUPS).notes())
                .containsExactly("one of the groups has no scored models");
    }

    @Test
    void fewerThanTwoGridPointsIsRejected() {
        assertThatThrownBy(() -> new HorizontalDistance(0, Transform.IDENTITY, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 grid points");
    }

    @Test
    void accuracyRangeEndsAreNotLostToInverseTransformRounding() {
        // 1 - exp(ln(1 - 0.65)) is a little above 0.65 and likewise for 0.30: inverting the end points of the
        // shared range used to ask for slightly more than the frontiers reached — at the top no leader date
        // existed (NoSuchElementException), at the bottom the next record's date was taken.
        Series series = scores(ACCURACY).closed("A30", 0, 0.30).closed("A65", 73, 0.65)
                .open("B30", 365, 0.30).open("B70", 500, 0.70).build();

        LagResult result = new HorizontalDistance(0, Transform.NEG_LOG_ERROR, 2).measure(series, GROUPS);

        assertThat(result.events()).isEmpty();
        assertThat(result.summary().orElseThrow().count()).isEqualTo(2);
        assertThat(result.months().getAsDouble()).as("(365 + 427) / 2 days").isCloseTo(months(396), within(1e-9));
    }
}
