package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.gapwise.gap.testing.Synthetic.INDEX;
import static dev.gapwise.gap.testing.Synthetic.months;
import static dev.gapwise.gap.testing.Synthetic.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LagOverTimeTest {
    private static final Comparison GROUPS = Comparison.OPEN_VS_CLOSED;

    /**
     * Leader: 10 on 2021-03-10 (day 68), 20 on 2022-02-05 (day 400). Follower: 10 on 2021-08-01 (day 212),
     * 20 on 2022-05-16 (day 500). Data as of 2022-09-15 (day 622).
     */
    private static Series series() {
        return scores(INDEX).closed("A10", 68, 10).closed("A20", 400, 20).open("B10", 212, 10).open("B20", 500, 20)
                .asOf(622).build();
    }

    @Test
    void halfYearsStartWithTheHalfInWhichBothGroupsExistAndEndAtTheData() {
        List<LagOverTime.Window> windows = LagOverTime.halfYears(series(), GROUPS, 0, Transform.IDENTITY);

        assertThat(windows).extracting(LagOverTime.Window::label).containsExactly("2021 H2", "2022 H1", "2022 H2");
        assertThat(windows).extracting(LagOverTime.Window::from).containsExactly(
                LocalDate.of(2021, 7, 1), LocalDate.of(2022, 1, 1), LocalDate.of(2022, 7, 1));
        assertThat(windows).extracting(LagOverTime.Window::to).containsExactly(
                LocalDate.of(2021, 12, 31), LocalDate.of(2022, 6, 30), LocalDate.of(2022, 9, 15));
    }

    @Test
    void eachWindowIsTheDayByDayLagOverThatWindow() {
        List<LagOverTime.Window> windows = LagOverTime.halfYears(series(), GROUPS, 0, Transform.IDENTITY);

        assertThat(windows.get(0).result().parameters()).containsEntry("window", "2021-08-01 to 2021-12-31");
        assertThat(windows.get(0).months()).hasValue(0.0);
        // 2022 H1: 35 days at 0, then 1..100 days while the leader is at 20 and the follower at 10, then 46 at 0.
        assertThat(windows.get(1).months().getAsDouble()).isCloseTo(months(5050 / 181.0), within(1e-12));
        assertThat(windows.get(2).months()).hasValue(0.0);
        for (LagOverTime.Window window : windows) {
            LagResult direct = new BackwardLag(0, Transform.IDENTITY, Optional.of(window.from()),
                    Optional.of(window.to())).measure(series(), GROUPS);
            assertThat(window.result().curve()).isEqualTo(direct.curve());
        }
    }

    @Test
    void firstHalfOfTheYearIsLabelledH1() {
        Series series = scores(INDEX).closed("A", 0, 10).open("B", 31, 10).asOf(200).build();

        List<LagOverTime.Window> windows = LagOverTime.halfYears(series, GROUPS, 0, Transform.IDENTITY);

        assertThat(windows).extracting(LagOverTime.Window::label).containsExactly("2021 H1", "2021 H2");
        assertThat(windows.getLast().to()).isEqualTo(LocalDate.of(2021, 7, 20));
    }

    @Test
    void noWindowsWhenAGroupHasNoScores() {
        Series series = scores(INDEX).closed("A", 0, 10).build();

        assertThat(LagOverTime.halfYears(series, GROUPS, 0, Transform.IDENTITY)).isEmpty();
    }
}
