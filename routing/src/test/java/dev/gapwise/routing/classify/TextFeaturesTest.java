package dev.gapwise.routing.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFeaturesTest {

    @Test
    void upperAndLowerCaseGiveTheSameFeatures() {
        SparseVector upper = TextFeatures.of("Can My Landlord Keep My Deposit?");
        SparseVector lower = TextFeatures.of("can my landlord keep my deposit?");
        assertThat(upper.size()).isEqualTo(lower.size());
        assertThat(java.util.Arrays.copyOf(upper.indices(), upper.size()))
                .containsExactly(java.util.Arrays.copyOf(lower.indices(), lower.size()));
    }

    @Test
    void aTypoKeepsMostCharacterGrams() {
        java.util.Set<Integer> right = indices(TextFeatures.of("medication"));
        java.util.Set<Integer> typo = indices(TextFeatures.of("medicaton"));
        right.retainAll(typo);
        assertThat(right.size()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void hugeTextsAreCappedSoTheCostStaysBounded() {
        SparseVector features = TextFeatures.of("word ".repeat(100_000));
        assertThat(features.size()).isLessThan(TextFeatures.MAX_CHARS * 3);
    }

    @Test
    void emptyTextStillHasShapeFeatures() {
        assertThat(TextFeatures.of("").size()).isEqualTo(8);
    }

    @Test
    void pastedTextIsInItsOwnNamespaceAndLighter() {
        SparseVector asked = TextFeatures.of(RequestText.of("can my landlord keep my deposit"));
        SparseVector pasted = TextFeatures.of(new RequestText("Summarize this:", "can my landlord keep my deposit", ""));
        java.util.Set<Integer> question = indices(asked);
        java.util.Set<Integer> paste = indices(pasted);
        paste.retainAll(question);
        assertThat(paste.size()).as("shared buckets (shape tokens and collisions only)").isLessThan(10);
        // each part has a fixed norm: instruction 1, pasted material 0.5 (squared: 0.25), whatever their lengths
        assertThat(squaredNorm(asked)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(squaredNorm(pasted)).isCloseTo(1.25, org.assertj.core.data.Offset.offset(1e-3));
    }

    /** Σ value² over every feature but the eight shape tokens. */
    private static double squaredNorm(SparseVector vector) {
        double sum = 0;
        for (int i = 0; i < vector.size() - 8; i++) {
            sum += vector.values()[i] * vector.values()[i];
        }
        return sum;
    }

    private static java.util.Set<Integer> indices(SparseVector vector) {
        java.util.Set<Integer> set = new java.util.HashSet<>();
        for (int i = 0; i < vector.size(); i++) {
            set.add(vector.indices()[i]);
        }
        return set;
    }
}
