package dev.gapwise.gap.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SummaryTest {

    @Test
    void percentilesInterpolateLinearlyBetweenOrderStatistics() {
        List<Double> values = List.of(4.0, 1.0, 3.0, 2.0);
        assertThat(Summary.percentile(values, 0.5)).isEqualTo(2.5);
        assertThat(Summary.percentile(values, 0.05)).isCloseTo(1.15, within(1e-12));
        assertThat(Summary.percentile(values, 0.95)).isCloseTo(3.85, within(1e-12));
        assertThat(Summary.percentile(values, 1.0)).isEqualTo(4.0);
    }

    @Test
    void summaryOfOddCountHasMiddleValueAsMedian() {
        Summary summary = Summary.of(List.of(5.0, 1.0, 9.0));
        assertThat(summary.median()).isEqualTo(5.0);
        assertThat(summary.mean()).isEqualTo(5.0);
        assertThat(summary.min()).isEqualTo(1.0);
        assertThat(summary.max()).isEqualTo(9.0);
    }

    @Test
    void emptyListCannotBeSummarised() {
        assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundingFollowsTheExactBinaryValueHalfEven() {
        assertThat(Rounding.format(0.125, 2)).isEqualTo("0.12");
        assertThat(Rounding.format(2.675, 2)).isEqualTo("2.67"); // 2.675 is 2.67499999… in binary
        assertThat(Rounding.numpy(11.546947, 2)).isEqualTo(11.55);
        assertThat(Rounding.format(Rounding.numpy(11.546947, 2), 1)).isEqualTo("11.6");
    }
}
