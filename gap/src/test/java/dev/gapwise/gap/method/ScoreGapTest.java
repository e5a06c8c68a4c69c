package dev.gapwise.gap.method;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Leaderboard;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Group;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.stats.Rounding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gapwise.gap.testing.Synthetic.INDEX;
import static dev.gapwise.gap.testing.Synthetic.closed;
import static dev.gapwise.gap.testing.Synthetic.day;
import static dev.gapwise.gap.testing.Synthetic.open;
import static dev.gapwise.gap.testing.Synthetic.scores;
import static dev.gapwise.gap.testing.Synthetic.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScoreGapTest {

    private static Leaderboard board(int days, Leaderboard.Entry... entries) {
        return new Leaderboard("arena_text", day(days), "displayed", List.of(entries));
    }

    private static Leaderboard.Entry rated(String id, double rating) {
        return new Leaderboard.Entry(id, rating);
    }

    /** One snapshot with two closed and two open models, listed out of rating order. */
    private static Dataset arena() {
        return Dataset.builder(snapshot(100))
                .model(closed("second-closed")).model(open("top-open")).model(closed("top-closed"))
                .model(open("second-open"))
                .leaderboard(board(100, rated("second-closed", 1300.0), rated("top-open", 1361.0),
                        rated("top-closed", 1384.2), rated("second-open", 1250.0)))
                .build();
    }

    @Test
    void leaderboardGapIsTopOfEachGroupInPointsAndRelativeToTheFollower() {
        ScoreGap gap = ScoreGap.onLeaderboard(arena(), arena().leaderboards().getFirst(), Comparison.OPEN_VS_CLOSED)
                .orElseThrow();

        assertThat(gap.leaderTop()).isEqualTo(new ScoreGap.Top("top-closed", 1384.2));
        assertThat(gap.followerTop()).isEqualTo(new ScoreGap.Top("top-open", 1361.0));
        assertThat(gap.points()).isCloseTo(23.2, within(1e-9));
        assertThat(gap.percent()).as("(A - B) / B x 100").isCloseTo(23.2 / 1361.0 * 100, within(1e-12));
        assertThat(Rounding.format(gap.percent(), 2)).isEqualTo("1.70");
        assertThat(gap.date()).isEqualTo(day(100));
        assertThat(gap.what()).isEqualTo("arena_text");
    }

    @Test
    void leaderboardWithoutAFollowerModelHasNoGap() {
        Dataset dataset = Dataset.builder(snapshot(0)).model(closed("c"))
                .leaderboard(board(0, rated("c", 1200))).build();

        assertThat(ScoreGap.onLeaderboard(dataset, dataset.leaderboards().getFirst(), Comparison.OPEN_VS_CLOSED))
                .isEmpty();
    }

    @Test
    void rankGapComparesAGroupsBestWithItsKthBest() {
        Dataset dataset = arena();

        ScoreGap gap = ScoreGap.rankGap(dataset, dataset.leaderboards().getFirst(), Group.CLOSED, 2).orElseThrow();

        assertThat(gap.leaderTop().name()).isEqualTo("top-closed");
        assertThat(gap.followerTop().name()).isEqualTo("second-closed");
        assertThat(gap.percent()).isCloseTo(84.2 / 1300 * 100, within(1e-9));
        assertThat(gap.comparison().id()).isEqualTo("top-vs-2");
        assertThat(gap.comparison().follower().label()).isEqualTo("closed #2");
    }

    @Test
    void rankGapBeyondTheGroupsSizeIsEmptyAndBelowTwoIsRejected() {
        Dataset dataset = arena();
        Leaderboard board = dataset.leaderboards().getFirst();

        assertThat(ScoreGap.rankGap(dataset, board, Group.CLOSED, 3)).isEmpty();
        assertThatThrownBy(() -> ScoreGap.rankGap(dataset, board, Group.CLOSED, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be at least 2, got 1");
    }

    @Test
    void frontierGapAtADateUsesTheBestReleasedByThen() {
        Series series = scores(INDEX).closed("A1", 0, 50).closed("A2", 100, 80).open("B1", 10, 40).open("B2", 120, 75)
                .build();

        assertThat(ScoreGap.atDate(series, Comparison.OPEN_VS_CLOSED, day(5))).as("no follower yet").isEmpty();
        ScoreGap early = ScoreGap.atDate(series, Comparison.OPEN_VS_CLOSED, day(99)).orElseThrow();
        ScoreGap late = ScoreGap.atDate(series, Comparison.OPEN_VS_CLOSED, day(120)).orElseThrow();

        assertThat(early.points()).isEqualTo(10.0);
        assertThat(early.percent()).isEqualTo(25.0);
        assertThat(late.leaderTop().name()).isEqualTo("A2");
        assertThat(late.points()).isEqualTo(5.0);
        assertThat(late.what()).isEqualTo(INDEX.id());
    }

    @Test
    void overTimeListsComparableSnapshotsInDateOrder() {
        Dataset dataset = Dataset.builder(snapshot(300)).model(closed("c")).model(open("o"))
                .leaderboard(board(300, rated("c", 1210), rated("o", 1100)))
                .leaderboard(board(100, rated("c", 1200)))
                .leaderboard(board(200, rated("c", 1205), rated("o", 1000)))
                .build();

        List<ScoreGap> gaps = ScoreGap.overTime(dataset, Comparison.OPEN_VS_CLOSED);

        assertThat(gaps).extracting(ScoreGap::date).containsExactly(day(200), day(300));
        assertThat(gaps).extracting(ScoreGap::points).containsExactly(205.0, 110.0);
    }
}
