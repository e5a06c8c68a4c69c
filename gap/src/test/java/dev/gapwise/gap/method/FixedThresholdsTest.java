package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gapwise.gap.testing.Synthetic.ACCURACY;
import static dev.gapwise.gap.testing.Synthetic.INDEX;
import static dev.gapwise.gap.testing.Synthetic.months;
import static dev.gapwise.gap.testing.Synthetic.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FixedThresholdsTest {
    private static final Comparison GROUPS = Comparison.OPEN_VS_CLOSED;

    /**
     * Leader: 40 % on day 0, 50 % on day 73, 62 % on day 365. Follower: 36 % on day 73, 45 % on day 365. Data
     * as of day 803 (2023-03-15). Levels 35, 40, 45 are reached by both (lags 73, 365, 292 days); 50, 55 and
     * 60 only by the leader; 65 and up by nobody.
     */
    private static Series accuracies() {
        return scores(ACCURACY).closed("A40", 0, 0.40).closed("A50", 73, 0.50).closed("A62", 365, 0.62)
                .open("B36", 73, 0.36).open("B45", 365, 0.45).asOf(803).build();
    }

    @Test
    void defaultAccuracyLevelsRunFrom35To95PercentInStepsOfFive() {
        LagResult result = FixedThresholds.defaults().measure(accuracies(), GROUPS);

        assertThat(result.parameters().get("levels"))
                .isEqualTo("0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95");
    }

    @Test
    void lagPerLevelIsFollowerFirstDateMinusLeaderFirstDate() {
        LagResult result = FixedThresholds.defaults().measure(accuracies(), GROUPS);

        assertThat(result.events()).extracting(e -> e.level().getAsDouble()).containsExactly(0.35, 0.40, 0.45);
        assertThat(result.events()).extracting(LagEvent::months).containsExactly(months(73), months(365), months(292));
        assertThat(result.events()).extracting(e -> e.leader().name() + "->" + e.follower().name())
                .containsExactly("A40->B36", "A40->B45", "A50->B45");
        assertThat(result.months().getAsDouble()).as("(2.4 + 12 + 9.6) / 3").isCloseTo(8.0, within(1e-9));
        assertThat(result.statistic()).isEqualTo("mean over 3 levels reached by both");
    }

    @Test
    void levelsOnlyTheLeaderReachedAreNotedWithTheLowerBoundTheyImply() {
        LagResult result = FixedThresholds.defaults().measure(accuracies(), GROUPS);

        assertThat(result.notes()).containsExactly(
                "level 0.5: reached by A50 on 2021-03-15, not yet by the follower (at least 24.0 months by 2023-03-15)",
                "level 0.55: reached by A62 on 2022-01-01, not yet by the follower (at least 14.4 months by 2023-03-15)",
                "level 0.6: reached by A62 on 2022-01-01, not yet by the follower (at least 14.4 months by 2023-03-15)");
    }

    @Test
    void explicitLevelsWorkOnAnyScale() {
        Series series = scores(INDEX).closed("A", 0, 100).closed("A+", 365, 130)
                .open("B", 73, 110).open("B+", 438, 125).build();

        LagResult result = new FixedThresholds(List.of(105.0, 120.0, 200.0)).measure(series, GROUPS);

        assertThat(result.events()).extracting(LagEvent::months).containsExactly(months(73 - 365), months(438 - 365));
        assertThat(result.months().getAsDouble()).as("(-9.6 + 2.4) / 2: the follower got to 105 first").isCloseTo(-3.6, within(1e-9));
        assertThat(result.notes()).as("200 was reached by no one: not a lower bound").isEmpty();
        assertThat(result.parameters()).containsEntry("levels", "105, 120, 200");
    }

    @Test
    void noLevelReachedByBothGivesNoHeadline() {
        Series series = scores(ACCURACY).closed("A", 0, 0.5).open("B", 73, 0.2).asOf(365).build();

        LagResult result = FixedThresholds.defaults().measure(series, GROUPS);

        assertThat(result.hasResult()).isFalse();
        assertThat(result.notes().getFirst()).isEqualTo("no level was reached by both groups");
        assertThat(result.notes()).hasSize(5); // then levels 35, 40, 45, 50, reached by the leader only
    }
}
