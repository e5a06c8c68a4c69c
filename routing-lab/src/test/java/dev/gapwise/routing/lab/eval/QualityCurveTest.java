package dev.gapwise.routing.lab.eval;

import dev.gapwise.routing.lab.data.OutcomeRow;
import dev.gapwise.routing.lab.data.PairOutcomes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QualityCurveTest {

    private static PairOutcomes pair(double[] strong, double[] weak) {
        List<OutcomeRow> rows = IntStream.range(0, strong.length)
                .mapToObj(i -> new OutcomeRow("p" + i, "prompt " + i, "", Map.of(), false,
                        new double[] {strong[i], weak[i]}, new double[] {Double.NaN, Double.NaN}))
                .toList();
        return PairOutcomes.of("toy", rows, strong, weak);
    }

    @Test
    void randomRoutingRecoversHalfTheGapOnAverage() {
        QualityCurve random = QualityCurve.random(pair(new double[] {1, 1, 0, 1}, new double[] {0, 1, 0, 0}));
        assertThat(random.apgr()).isCloseTo(0.5, within(1e-12));
        assertThat(random.cpt(0.5).orElseThrow()).isEqualTo(0.5);
    }

    @Test
    void routerThatSendsOnlyTheStrongOnlyWinsReachesFullQualityAtTheirShare() {
        // 2 of 10 prompts are answered only by the strong model
        double[] strong = {1, 1, 1, 1, 1, 1, 0, 0, 1, 1};
        double[] weak = {1, 1, 0, 1, 1, 1, 0, 0, 0, 1};
        PairOutcomes pair = pair(strong, weak);
        QualityCurve oracle = QualityCurve.of(pair, Baselines.oracle(pair));
        assertThat(oracle.cpt(1.0).orElseThrow()).isBetween(0.15, 0.2); // round(0.15·10) = 2 prompts
        assertThat(oracle.callsFor(1.0).orElseThrow()).isBetween(0.15, 0.2);
        assertThat(oracle.apgr()).isGreaterThan(0.85);
    }

    @Test
    void bootstrapWeightsOfOneGiveTheSameCurveAsNoWeights() {
        double[] strong = {1, 0, 1, 1, 0, 1};
        double[] weak = {0, 0, 1, 0, 1, 1};
        PairOutcomes pair = pair(strong, weak);
        double[] scores = {0.9, 0.1, 0.5, 0.7, 0.2, 0.3};
        int[] order = QualityCurve.order(pair, scores);
        QualityCurve weighted = QualityCurve.weighted(pair, order, new int[] {1, 1, 1, 1, 1, 1});
        assertThat(weighted.apgr()).isEqualTo(QualityCurve.of(pair, scores).apgr());
    }
}
