package dev.gapwise.routing.classify;

import dev.gapwise.routing.quality.QualityRouter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FusedScorerTest {

    @Test
    void fusedProbabilitiesEqualEachModelsOwn() {
        List<LinearModel> models = new ArrayList<>();
        models.add(RiskClassifier.bundled().model());
        models.add(ComplexityClassifier.bundled().model());
        models.addAll(QualityRouter.bundled().models());
        FusedScorer fused = new FusedScorer(models);
        SparseVector x = TextFeatures.of("can my landlord keep my deposit if I moved out two weeks early?");
        double[][] together = fused.probabilities(x);
        for (int m = 0; m < models.size(); m++) {
            double[] alone = models.get(m).probabilities(x);
            for (int k = 0; k < alone.length; k++) {
                assertThat(together[m][k]).isCloseTo(alone[k], within(1e-6));
            }
        }
    }
}
