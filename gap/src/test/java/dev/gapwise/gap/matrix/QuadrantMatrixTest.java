package dev.gapwise.gap.matrix;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Model;
import dev.gapwise.gap.Group;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.Series;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gapwise.gap.testing.Synthetic.INDEX;
import static dev.gapwise.gap.testing.Synthetic.day;
import static dev.gapwise.gap.testing.Synthetic.months;
import static dev.gapwise.gap.testing.Synthetic.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Three quadrants on an index, worked out by hand (no tolerance). Overall frontier: 100 from day 0, 130 from day 100.
 * US open reaches 110 on day 150, China open 125 on day 200; on day 200 both trail the overall frontier by the days
 * since day 99 (the last day it was no better than them): 101 days. US open (110) trails China open, whose frontier
 * first rose above 110 on day 200: 1 day. China open is ahead of US open: 0. China closed has no model.
 */
class QuadrantMatrixTest {
    private static Observation model(String name, String country, Access access, int day, double value) {
        return new Observation(Model.builder(name, name).countries(List.of(country)).access(access).build(), day(day), value);
    }

    private static Series series() {
        return Series.of(INDEX, snapshot(200), List.of(
                model("A", "US", Access.CLOSED, 0, 100), model("B", "US", Access.CLOSED, 100, 130),
                model("C", "US", Access.OPEN, 50, 90), model("D", "US", Access.OPEN, 150, 110),
                model("E", "CN", Access.OPEN, 60, 100), model("F", "CN", Access.OPEN, 200, 125)));
    }

    @Test
    void eachQuadrantIsMeasuredAgainstTheOverallFrontierAndEveryOtherQuadrant() {
        QuadrantMatrix.Report report = QuadrantMatrix.run(series());

        assertThat(report.overall(Quadrant.US_CLOSED).now().getAsDouble()).isZero();
        assertThat(report.overall(Quadrant.US_OPEN).now().getAsDouble()).isCloseTo(months(101), within(1e-9));
        assertThat(report.overall(Quadrant.CHINA_OPEN).now().getAsDouble()).isCloseTo(months(101), within(1e-9));
        assertThat(report.pair(Quadrant.US_OPEN, Quadrant.CHINA_OPEN).now().getAsDouble()).isCloseTo(months(1), within(1e-9));
        assertThat(report.pair(Quadrant.CHINA_OPEN, Quadrant.US_OPEN).now().getAsDouble()).isZero();
        assertThat(report.pairs()).hasSize(12);
        assertThat(report.overall().getFirst().leader()).isEqualTo(Group.ALL);
    }

    @Test
    void anEmptyQuadrantHasNoLagRatherThanZero() {
        QuadrantMatrix.Report report = QuadrantMatrix.run(series());

        assertThat(report.models().get(Quadrant.CHINA_CLOSED)).isZero();
        assertThat(report.overall(Quadrant.CHINA_CLOSED).now()).isEmpty();
        assertThat(report.pair(Quadrant.US_OPEN, Quadrant.CHINA_CLOSED).now()).isEmpty();
        assertThat(report.best().get(Quadrant.CHINA_CLOSED)).isEmpty();
        assertThat(report.best().get(Quadrant.CHINA_OPEN).orElseThrow().name()).isEqualTo("F");
    }
}
