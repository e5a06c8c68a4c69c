package dev.gapwise.gap;

import dev.gapwise.catalog.Scale;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gapwise.gap.testing.Synthetic.ACCURACY;
import static dev.gapwise.gap.testing.Synthetic.INDEX;
import static dev.gapwise.gap.testing.Synthetic.closed;
import static dev.gapwise.gap.testing.Synthetic.day;
import static dev.gapwise.gap.testing.Synthetic.scores;
import static org.assertj.core.api.Assertions.assertThat;

class FrontierTest {

    private static Observation at(String name, int days, double value) {
        return new Observation(closed(name), day(days), value);
    }

    private static List<String> names(Frontier frontier) {
        return frontier.records().stream().map(Observation::name).toList();
    }

    @Test
    void keepsOnlyObservationsThatRaiseTheRunningMaximum() {
        Frontier frontier = Frontier.of(List.of(at("a", 0, 3), at("b", 10, 2), at("c", 20, 5), at("d", 30, 5),
                at("e", 40, 6)), Double.NEGATIVE_INFINITY);

        assertThat(names(frontier)).containsExactly("a", "c", "e");
        assertThat(frontier.best()).hasValue(6);
        assertThat(frontier.start()).hasValue(day(0));
    }

    @Test
    void sortsObservationsByDateBeforeWalkingThem() {
        Frontier frontier = Frontier.of(List.of(at("late", 20, 9), at("early", 0, 1), at("middle", 10, 4)),
                Double.NEGATIVE_INFINITY);

        assertThat(names(frontier)).containsExactly("early", "middle", "late");
    }

    @Test
    void equalScoreLaterDoesNotSetANewRecord() {
        Frontier frontier = Frontier.of(List.of(at("first", 0, 5), at("copy", 10, 5)), Double.NEGATIVE_INFINITY);

        assertThat(names(frontier)).containsExactly("first");
    }

    @Test
    void sameDateTiesKeepTheBestWhateverTheOrder() {
        Frontier ascending = Frontier.of(List.of(at("low", 0, 4), at("high", 0, 6), at("mid", 0, 5)),
                Double.NEGATIVE_INFINITY);
        Frontier descending = Frontier.of(List.of(at("high", 0, 6), at("mid", 0, 5), at("low", 0, 4)),
                Double.NEGATIVE_INFINITY);

        assertThat(names(ascending)).containsExactly("high");
        assertThat(names(descending)).containsExactly("high");
    }

    @Test
    void sameDateTieAfterAnEarlierRecordReplacesOnlyItsOwnDay() {
        Frontier frontier = Frontier.of(List.of(at("old", 0, 3), at("new-low", 5, 4), at("new-high", 5, 7)),
                Double.NEGATIVE_INFINITY);

        assertThat(names(frontier)).containsExactly("old", "new-high");
        assertThat(frontier.valueAt(day(5))).hasValue(7);
    }

    @Test
    void accuracyFrontiersStartAtZeroSoAZeroScoreIsNoRecord() {
        Series series = scores(ACCURACY).closed("zero", 0, 0.0).closed("some", 10, 0.1).build();

        Frontier frontier = series.frontier(Group.CLOSED);

        assertThat(names(frontier)).containsExactly("some");
        assertThat(Frontier.floorFor(Scale.ACCURACY)).isZero();
    }

    @Test
    void otherScalesHaveNoFloorSoNegativeScoresAreRecords() {
        Series series = scores(INDEX).closed("negative", 0, -5).closed("less negative", 10, -2).build();

        assertThat(names(series.frontier(Group.CLOSED))).containsExactly("negative", "less negative");
        assertThat(Frontier.floorFor(Scale.INDEX)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void anExplicitFloorDropsEverythingAtOrBelowIt() {
        Frontier frontier = Frontier.of(List.of(at("a", 0, -1), at("b", 1, 0)), 0.0);

        assertThat(frontier.isEmpty()).isTrue();
        assertThat(frontier.best()).isEmpty();
        assertThat(frontier.start()).isEmpty();
    }

    @Test
    void valueAtIsARightContinuousStep() {
        Frontier frontier = Frontier.of(List.of(at("a", 10, 1), at("b", 20, 2)), Double.NEGATIVE_INFINITY);

        assertThat(frontier.valueAt(day(9))).isEmpty();
        assertThat(frontier.recordAt(day(9))).isNull();
        assertThat(frontier.valueAt(day(10))).hasValue(1);
        assertThat(frontier.valueAt(day(19))).hasValue(1);
        assertThat(frontier.valueAt(day(20))).hasValue(2);
        assertThat(frontier.valueAt(day(10_000))).hasValue(2);
        assertThat(frontier.recordAt(day(25)).name()).isEqualTo("b");
    }

    @Test
    void firstDateAtLeastCountsAnEqualScoreAsReached() {
        Frontier frontier = Frontier.of(List.of(at("a", 10, 1), at("b", 20, 2), at("c", 30, 3)),
                Double.NEGATIVE_INFINITY);

        assertThat(frontier.firstDateAtLeast(-100)).hasValue(day(10));
        assertThat(frontier.firstDateAtLeast(1)).hasValue(day(10));
        assertThat(frontier.firstDateAtLeast(1.5)).hasValue(day(20));
        assertThat(frontier.firstDateAtLeast(3)).hasValue(day(30));
        assertThat(frontier.firstDateAtLeast(3.0001)).isEmpty();
        assertThat(frontier.firstReaching(2, true).orElseThrow().name()).isEqualTo("c");
        assertThat(frontier.firstReaching(2, false).orElseThrow().name()).isEqualTo("b");
    }

    @Test
    void lastDateAtMostIsTheDayBeforeTheFrontierRoseAboveTheLevel() {
        Frontier frontier = Frontier.of(List.of(at("a", 10, 1), at("b", 20, 2), at("c", 30, 3)),
                Double.NEGATIVE_INFINITY);

        assertThat(frontier.lastDateAtMost(1.5, day(100))).hasValue(day(19));
        assertThat(frontier.lastDateAtMost(2, day(100))).as("equal is not above").hasValue(day(29));
    }

    @Test
    void lastDateAtMostIsTheQueryDayWhenTheFrontierHasNotRisenAboveTheLevelBy() {
        Frontier frontier = Frontier.of(List.of(at("a", 10, 1), at("b", 20, 2)), Double.NEGATIVE_INFINITY);

        assertThat(frontier.lastDateAtMost(5, day(100))).as("never above").hasValue(day(100));
        assertThat(frontier.lastDateAtMost(1, day(15))).as("rises only after the day").hasValue(day(15));
        assertThat(frontier.lastDateAtMost(1, day(20))).as("rises on the day").hasValue(day(19));
    }

    @Test
    void lastDateAtMostIsEmptyWhenTheFrontierStartsAboveTheLevelOrAfterTheDay() {
        Frontier frontier = Frontier.of(List.of(at("a", 10, 1), at("b", 20, 2)), Double.NEGATIVE_INFINITY);

        assertThat(frontier.lastDateAtMost(0.5, day(100))).isEmpty();
        assertThat(frontier.lastDateAtMost(5, day(9))).isEmpty();
        assertThat(Frontier.of(List.of(), 0).lastDateAtMost(5, day(9))).isEmpty();
    }
}
