package dev.gapwise.gap.method;

import dev.gapwise.catalog.Scale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TransformTest {

    @Test
    void accuraciesBecomeNatsOfError() {
        assertThat(Transform.NEG_LOG_ERROR.apply(0.0)).isZero();
        assertThat(Transform.NEG_LOG_ERROR.apply(1 - Math.exp(-2))).isCloseTo(2.0, within(1e-12));
        assertThat(Transform.NEG_LOG_ERROR.apply(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Transform.NEG_LOG_ERROR.invert(Transform.NEG_LOG_ERROR.apply(0.9))).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void computeBecomesLog10AndRejectsNonPositiveValues() {
        assertThat(Transform.LOG10.apply(1e25)).isEqualTo(25.0);
        assertThat(Transform.LOG10.invert(24.0)).isEqualTo(1e24);
        assertThatThrownBy(() -> Transform.LOG10.apply(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-positive");
    }

    @Test
    void scalesChooseTheirTransformFloorAndTolerance() {
        assertThat(Transform.defaultFor(Scale.ACCURACY)).isEqualTo(Transform.NEG_LOG_ERROR);
        assertThat(Transform.defaultFor(Scale.COMPUTE)).isEqualTo(Transform.LOG10);
        assertThat(Transform.defaultFor(Scale.RATING)).isEqualTo(Transform.IDENTITY);
        assertThat(Transform.defaultTolerance(Scale.ACCURACY)).isEqualTo(0.02);
        assertThat(Transform.defaultTolerance(Scale.INDEX)).isZero();
        assertThat(Transform.NEG_LOG_ERROR.floor()).isZero();
        assertThat(Transform.IDENTITY.floor()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
