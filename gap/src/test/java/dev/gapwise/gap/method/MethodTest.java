package dev.gapwise.gap.method;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MethodTest {

    @Test
    void methodsAreFoundByLetterIdNameOrTitle() {
        assertThat(Method.parse("a")).hasValue(Method.DISCRETE_CATCH_UP);
        assertThat(Method.parse(" Backward ")).hasValue(Method.BACKWARD_LAG);
        assertThat(Method.parse("threshold_grid")).hasValue(Method.THRESHOLD_GRID);
        assertThat(Method.parse("horizontal distance")).hasValue(Method.HORIZONTAL_DISTANCE);
        assertThat(Method.parse("g")).isEmpty();
    }

    @Test
    void titleCarriesTheLetterOfEvaluationMd() {
        assertThat(Method.REGRESSION.title()).isEqualTo("(e) regression lag");
        assertThat(Method.values()).extracting(Method::letter).containsExactly("a", "b", "c", "d", "e", "f");
    }
}
