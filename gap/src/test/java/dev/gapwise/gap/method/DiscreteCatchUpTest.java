package dev.gapwise.gap.method;

import dev.gapwise.catalog.Scale;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static dev.gapwise.gap.testing.Synthetic.ACCURACY;
import static dev.gapwise.gap.testing.Synthetic.COMPUTE;
import static dev.gapwise.gap.testing.Synthetic.INDEX;
import static dev.gapwise.gap.testing.Synthetic.accuracyOfNats;
import static dev.gapwise.gap.testing.Synthetic.months;
import static dev.gapwise.gap.testing.Synthetic.scores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DiscreteCatchUpTest {
    private static final Comparison GROUPS = Comparison.OPEN_VS_CLOSED;

    /**
     * Leader records at 1.0, 1.005, 1.5 and 3.0 nats; the follower reaches 0.99 nats on day 365 and 1.49 on
     * day 438. With 0.02 nats of tolerance 0.99 catches up with 1.0 (12 months), 1.005 is then already matched
     * and skipped, 1.49 catches up with 1.5 (292 days = 9.6 months), and 3.0 is never reached.
     */
    private static Series skipScenario() {
        return scores(ACCURACY)
                .closed("L1", 0, accuracyOfNats(1.0))
                .closed("L2", 73, accuracyOfNats(1.005))
                .closed("L3", 146, accuracyOfNats(1.5))
                .closed("L4", 365, accuracyOfNats(3.0))
                .open("F0", 30, accuracyOfNats(0.5))
                .open("F1", 365, accuracyOfNats(0.99))
                .open("F2", 438, accuracyOfNats(1.49))
                .build();
    }

    private static List<String> pairs(LagResult result) {
        return result.events().stream().map(e -> e.leader().name() + "->" + e.follower().name()).toList();
    }

    @Test
    void epochSettingsPairEachNewLeaderRecordWithTheFirstFollowerWithinTolerance() {
        LagResult result = DiscreteCatchUp.epoch2024().measure(skipScenario(), GROUPS);

        assertThat(pairs(result)).containsExactly("L1->F1", "L3->F2");
        assertThat(result.events()).extracting(LagEvent::months)
                .containsExactly(months(365), months(292));
        assertThat(result.months().getAsDouble()).isCloseTo((12 + 9.6) / 2, within(1e-9));
        assertThat(result.statistic()).isEqualTo("mean of 2 catch-ups");
        assertThat(result.summary().orElseThrow().median()).isCloseTo(10.8, within(1e-9));
    }

    @Test
    void leaderRecordAlreadyMatchedWithinToleranceIsSkipped() {
        LagResult skipping = DiscreteCatchUp.epoch2024().measure(skipScenario(), GROUPS);
        LagResult notSkipping = new DiscreteCatchUp(0.02, Transform.NEG_LOG_ERROR, false, false)
                .measure(skipScenario(), GROUPS);

        assertThat(pairs(skipping)).doesNotContain("L2->F1");
        assertThat(pairs(notSkipping)).containsExactly("L1->F1", "L2->F1", "L3->F2");
        assertThat(notSkipping.events().get(1).months()).isCloseTo(9.6, within(1e-9));
    }

    @Test
    void leaderRecordsNeverReachedAreReportedInTheNotesNotAsLags() {
        LagResult result = DiscreteCatchUp.epoch2024().measure(skipScenario(), GROUPS);

        assertThat(result.events()).noneMatch(e -> e.leader().name().equals("L4"));
        assertThat(result.notes()).containsExactly(
                "1 leader record(s) not yet reached by the follower: L4 (2022-01-01)");
    }

    @Test
    void toleranceIsInNatsOfErrorNotInAccuracyPoints() {
        // 95 % vs 94 %: one accuracy point apart, but 0.18 nats (ln 0.06 - ln 0.05) — not caught up.
        Series series = scores(ACCURACY).closed("L", 0, 0.95).open("near", 73, 0.94).open("there", 365, 0.951)
                .build();

        LagResult result = DiscreteCatchUp.epoch2024().measure(series, GROUPS);

        assertThat(pairs(result)).containsExactly("L->there");
        assertThat(result.months().getAsDouble()).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void followerWithinToleranceBelowTheLeaderCountsAsCaughtUp() {
        Series series = scores(ACCURACY).closed("L", 0, accuracyOfNats(1.0))
                .open("short", 73, accuracyOfNats(0.97)).open("close", 146, accuracyOfNats(0.99)).build();

        assertThat(pairs(DiscreteCatchUp.epoch2024().measure(series, GROUPS))).containsExactly("L->close");
        assertThat(pairs(DiscreteCatchUp.forScale(Scale.ACCURACY, OptionalDouble.of(0.05)).measure(series, GROUPS)))
                .containsExactly("L->short");
    }

    @Test
    void strictMatchNeedsMoreThanLeaderMinusToleranceInclusiveAcceptsEqual() {
        Series series = scores(INDEX).closed("L", 0, 10).open("at edge", 73, 9.5).open("level", 365, 10).build();

        LagResult strict = new DiscreteCatchUp(0.5, Transform.IDENTITY, false, true).measure(series, GROUPS);
        LagResult inclusive = new DiscreteCatchUp(0.5, Transform.IDENTITY, true, true).measure(series, GROUPS);

        assertThat(pairs(strict)).containsExactly("L->level");
        assertThat(strict.months().getAsDouble()).isCloseTo(12.0, within(1e-9));
        assertThat(pairs(inclusive)).containsExactly("L->at edge");
        assertThat(inclusive.months().getAsDouble()).isCloseTo(2.4, within(1e-9));
    }

    @Test
    void withoutToleranceAStrictMatchNeedsAStrictlyBetterFollower() {
        Series series = scores(INDEX).closed("L", 0, 10).open("equal", 365, 10).build();

        assertThat(new DiscreteCatchUp(0, Transform.IDENTITY, false, true).measure(series, GROUPS).hasResult())
                .isFalse();
        assertThat(pairs(new DiscreteCatchUp(0, Transform.IDENTITY, true, true).measure(series, GROUPS)))
                .containsExactly("L->equal");
    }

    @Test
    void noCatchUpGivesNoHeadlineAndSaysWhy() {
        Series series = scores(ACCURACY).closed("A", 0, 0.6).closed("B", 73, 0.7).open("behind", 365, 0.3).build();

        LagResult result = DiscreteCatchUp.epoch2024().measure(series, GROUPS);

        assertThat(result.hasResult()).isFalse();
        assertThat(result.statistic()).isEqualTo("no catch-up");
        assertThat(result.events()).isEmpty();
        assertThat(result.notes()).containsExactly("the follower never caught up with a leader record",
                "2 leader record(s) not yet reached by the follower: A (2021-01-01), B (2021-03-15)");
    }

    @Test
    void groupWithoutScoresIsNamedInTheReason() {
        Series series = scores(ACCURACY).closed("A", 0, 0.6).build();

        LagResult result = DiscreteCatchUp.epoch2024().measure(series, GROUPS);

        assertThat(result.hasResult()).isFalse();
        assertThat(result.notes()).containsExactly("open weights has no scored models on Synthetic accuracy");
    }

    @Test
    void computeVariantComparesLog10FlopWithAtLeastAndNoSkipping() {
        Series series = scores(COMPUTE).closed("C1", 0, 1e24).closed("C2", 73, 2e24)
                .open("O-short", 30, 9.9e23).open("O", 365, 5e24).build();

        LagResult result = DiscreteCatchUp.computeVariant().measure(series, GROUPS);

        assertThat(pairs(result)).as("both leader records matched by the same follower record")
                .containsExactly("C1->O", "C2->O");
        assertThat(result.events()).extracting(LagEvent::months).containsExactly(months(365), months(292));
        assertThat(result.parameters()).containsEntry("scale", "log10").containsEntry("tolerance", "0.0")
                .containsEntry("match", "follower >= leader - tol")
                .containsEntry("skip matched leader records", "false");
    }

    @Test
    void computeVariantMatchesEqualComputeExactly() {
        Series series = scores(COMPUTE).closed("C", 0, 1e25).open("O", 365, 1e25).build();

        assertThat(pairs(DiscreteCatchUp.computeVariant().measure(series, GROUPS))).containsExactly("C->O");
    }

    @Test
    void negativeOrInfiniteToleranceIsRejected() {
        assertThatThrownBy(() -> new DiscreteCatchUp(-0.1, Transform.IDENTITY, false, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new DiscreteCatchUp(Double.POSITIVE_INFINITY, Transform.IDENTITY, false, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scaleDefaultsAreNatsWithEpochToleranceForAccuraciesAndRawScoresOtherwise() {
        assertThat(DiscreteCatchUp.forScale(Scale.ACCURACY, OptionalDouble.empty()))
                .isEqualTo(DiscreteCatchUp.epoch2024());
        assertThat(DiscreteCatchUp.forScale(Scale.INDEX, OptionalDouble.empty()))
                .isEqualTo(new DiscreteCatchUp(0.0, Transform.IDENTITY, false, true));
    }
}
