package dev.gapwise.gap.reproduce;

import dev.gapwise.gap.reproduce.PublishedValue.Printed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class PublishedValueTest {

    @Test
    void rangeInAPercentileUnitIsTheFifthAndNinetyFifthPercentile() {
        assertThat(PublishedValue.parse("5 to 22", "months (5th-95th percentile)").numbers())
                .containsExactly(entry("p5", new Printed(5, 0)), entry("p95", new Printed(22, 0)));
    }

    @Test
    void rangeInAnyOtherUnitIsLowAndHigh() {
        assertThat(PublishedValue.parse("8 to 10", "months").numbers())
                .containsExactly(entry("low", new Printed(8, 0)), entry("high", new Printed(10, 0)));
    }

    @Test
    void meanAndMedianAreLabelledByTheWordsAfterThem() {
        assertThat(PublishedValue.parse("13 (mean); 15 (median)", "months").numbers())
                .containsExactly(entry("mean", new Printed(13, 0)), entry("median", new Printed(15, 0)));
    }

    @Test
    void ninetyPercentRangeGivesPercentilesAndItsNinetyIsNoFigure() {
        assertThat(PublishedValue.parse("16.3 (mean; 90% range 8.9-25.5)", "months").numbers())
                .containsExactly(entry("mean", new Printed(16.3, 1)), entry("p5", new Printed(8.9, 1)),
                        entry("p95", new Printed(25.5, 1)));
    }

    @Test
    void regressionVariantsAndTheirConfidenceIntervalAreLabelled() {
        assertThat(PublishedValue.parse("15 (15.4 separate slopes; 15.6 equal slopes 90% CI 11.6-19.8)", "months")
                .numbers())
                .containsExactly(entry("headline", new Printed(15, 0)), entry("separate", new Printed(15.4, 1)),
                        entry("equal", new Printed(15.6, 1)), entry("ci5", new Printed(11.6, 1)),
                        entry("ci95", new Printed(19.8, 1)));
    }

    @Test
    void confidenceIntervalFollowsTheHeadline() {
        assertThat(PublishedValue.parse("3.5 (90% CI 1.1-5.3)", "months").numbers())
                .containsExactly(entry("headline", new Printed(3.5, 1)), entry("ci5", new Printed(1.1, 1)),
                        entry("ci95", new Printed(5.3, 1)));
        assertThat(PublishedValue.parse("7 (90% CI 0-14)", "ECI points").numbers())
                .containsExactly(entry("headline", new Printed(7, 0)), entry("ci5", new Printed(0, 0)),
                        entry("ci95", new Printed(14, 0)));
    }

    @Test
    void plainNumberKeepsItsPrintedDecimalsIncludingTrailingZeros() {
        assertThat(PublishedValue.parse("1.70", "percent").numbers())
                .containsExactly(entry("headline", new Printed(1.70, 2)));
    }

    @Test
    void numberAfterVsIsTheSecondAndWeightedIsNamed() {
        assertThat(PublishedValue.parse("3.3 vs 0.5", "percent").numbers())
                .containsExactly(entry("headline", new Printed(3.3, 1)), entry("second", new Printed(0.5, 1)));
        assertThat(PublishedValue.parse("about one year (weighted 14 months: compute lag weighted equal)", "months")
                .numbers()).containsExactly(entry("weighted", new Printed(14, 0)));
    }
}
