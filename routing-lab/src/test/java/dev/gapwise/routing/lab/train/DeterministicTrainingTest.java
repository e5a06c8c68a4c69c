package dev.gapwise.routing.lab.train;

import dev.gapwise.routing.classify.TextFeatures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The same examples give the same model files, byte for byte: training is seeded and order-independent. */
class DeterministicTrainingTest {

    @Test
    void theFastModelTrainsToTheSameBytesTwice() {
        List<LinearTrainer.Example> examples = new ArrayList<>();
        String[] routine = {"write a birthday email for Ana", "turn this into a table: a 1, b 2", "tell me a joke"};
        String[] high = {"can my landlord keep my deposit", "is 140/90 high for my age", "should i cash out my 401k"};
        for (int i = 0; i < 30; i++) {
            examples.add(new LinearTrainer.Example(TextFeatures.of(routine[i % 3] + " " + i), 1, 1.0));
            examples.add(new LinearTrainer.Example(TextFeatures.of(high[i % 3] + " " + i), 0, 1.0));
        }
        LinearTrainer trainer = new LinearTrainer(2, 0.1, 1e-6);
        byte[] first = trainer.fit(List.of("high", "routine"), examples, "test", line -> { }).toBytes();
        byte[] second = trainer.fit(List.of("high", "routine"), examples, "test", line -> { }).toBytes();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theEmbeddingHeadTrainsToTheSameBytesTwice() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 200;
        float[][] x = new float[n][16];
        int[] labels = new int[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            weights[i] = 1;
            for (int j = 0; j < 16; j++) {
                x[i][j] = (float) (random.nextGaussian() + (j == labels[i] ? 2 : 0));
            }
        }
        List<String> names = List.of("legal", "medical", "financial", "routine");
        byte[] first = EmbeddingHeadTraining.fit(x, labels, weights, names, line -> { }).toBytes();
        byte[] second = EmbeddingHeadTraining.fit(x, labels, weights, names, line -> { }).toBytes();
        assertThat(second).isEqualTo(first);
    }
}
