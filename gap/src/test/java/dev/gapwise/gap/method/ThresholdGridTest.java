package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gapwise.gap.testing.Synthetic.ACCURACY;
import static dev.gapwise.gap.testing.Synthetic.INDEX;
import static dev.gapwise.gap.testing.Synthetic.day;
import static dev.gapwise.gap.testing.Synthetic.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ThresholdGridTest {
    private static final Comparison GROUPS = Comparison.OPEN_VS_CLOSED;
    private static final List<Double> LEVELS = List.of(10.0, 20.0, 30.0);

    /**
     * Leader crosses 10, 20, 30 on days 0, 73, 146; follower crosses 10 on day 73 (2.4 months later) and 20
     * on day 365 (9.6 months later), and never 30.
     */
    private static Series crossings() {
        return scores(INDEX).closed("A10", 0, 10).closed("A20", 73, 20).closed("A30", 146, 30)
                .open("B10", 73, 10).open("B20", 365, 20).build();
    }

    private static double weight(double monthsAway, double bandwidth) {
        double distance = monthsAway / bandwidth;
        return Math.exp(-0.5 * distance * distance);
    }

    @Test
    void eachLevelTheFollowerReachedIsAnEventAtItsCrossing() {
        LagResult result = new ThresholdGrid(LEVELS, 3).measure(crossings(), GROUPS);

        assertThat(result.events()).extracting(LagEvent::date).containsExactly(day(73), day(365));
        assertThat(result.events()).extracting(e -> e.level().getAsDouble()).containsExactly(10.0, 20.0);
        assertThat(result.events()).extracting(LagEvent::months).satisfiesExactly(
                lag -> assertThat(lag).isCloseTo(2.4, within(1e-12)),
                lag -> assertThat(lag).isCloseTo(9.6, within(1e-12)));
        assertThat(result.summary().orElseThrow().mean()).isCloseTo(6.0, within(1e-12));
    }

    @Test
    void eventsAreInDateOrderWhateverTheLevelOrder() {
        LagResult result = new ThresholdGrid(List.of(20.0, 10.0), 3).measure(crossings(), GROUPS);

        assertThat(result.events()).extracting(LagEvent::date).containsExactly(day(73), day(365));
    }

    @Test
    void headlineIsTheGaussianSmoothedLagAtTheLatestCrossing() {
        LagResult result = new ThresholdGrid(LEVELS, 3).measure(crossings(), GROUPS);

        // The first event is 292 days = 9.6 months before the latest crossing: weight exp(-0.5 · 3.2²).
        double w = weight(9.6, 3);
        assertThat(result.months().getAsDouble()).isCloseTo((w * 2.4 + 9.6) / (w + 1), within(1e-9));
        assertThat(result.statistic()).isEqualTo("smoothed lag at the latest crossing (2022-01-01), 2 level crossings");
    }

    @Test
    void curveHasAPointOnTheFirstOfEveryMonthFromTheFirstCrossing() {
        LagResult result = new ThresholdGrid(LEVELS, 3).measure(crossings(), GROUPS);

        assertThat(result.curve()).extracting(LagResult.Point::date).hasSize(11)
                .startsWith(day(59)) // 2021-03-01
                .endsWith(day(365)); // 2022-01-01, the last crossing, which is a first of the month
        double first = result.curve().getFirst().months();
        double w1 = weight(-14 / 365.0 * 12, 3);
        double w2 = weight(306 / 365.0 * 12, 3);
        assertThat(first).isCloseTo((w1 * 2.4 + w2 * 9.6) / (w1 + w2), within(1e-9));
    }

    @Test
    void curveEndsOnTheLastCrossingWhenItIsNotAFirstOfTheMonth() {
        Series series = scores(INDEX).closed("A10", 0, 10).closed("A20", 73, 20)
                .open("B10", 73, 10).open("B20", 374, 20).build();

        LagResult result = new ThresholdGrid(LEVELS, 3).measure(series, GROUPS);

        assertThat(result.curve()).extracting(LagResult.Point::date).endsWith(day(365), day(374));
    }

    @Test
    void wideKernelAveragesAllEventsNarrowKernelKeepsEachOne() {
        assertThat(new ThresholdGrid(LEVELS, 1e6).measure(crossings(), GROUPS).months().getAsDouble())
                .isCloseTo(6.0, within(1e-6));
        assertThat(new ThresholdGrid(LEVELS, 0.1).measure(crossings(), GROUPS).months().getAsDouble())
                .isCloseTo(9.6, within(1e-9));
    }

    @Test
    void accuraciesDefaultToEveryPercentagePoint() {
        Series series = scores(ACCURACY).closed("A", 0, 0.5).open("B", 365, 0.5).build();

        LagResult result = ThresholdGrid.defaults().measure(series, GROUPS);

        assertThat(result.events()).hasSize(50);
        assertThat(result.events()).allSatisfy(e -> assertThat(e.months()).isEqualTo(12.0));
        assertThat(result.months().getAsDouble()).isCloseTo(12.0, within(1e-12));
        assertThat(result.parameters()).containsEntry("levels", "99 levels");
    }

    @Test
    void noLevelReachedByBothGivesNoHeadline() {
        Series series = scores(INDEX).closed("A", 0, 50).open("B", 10, 5).build();

        LagResult result = new ThresholdGrid(LEVELS, 3).measure(series, GROUPS);

        assertThat(result.hasResult()).isFalse();
        assertThat(result.notes()).containsExactly("no grid level was reached by both groups");
    }

    @Test
    void bandwidthMustBePositive() {
        assertThatThrownBy(() -> new ThresholdGrid(LEVELS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bandwidth must be positive");
    }
}
