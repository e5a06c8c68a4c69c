package dev.gapwise.gap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    @Test
    void presetsAreFoundByIdIgnoringCaseAndSpaces() {
        assertThat(Comparison.preset(" Open-vs-Closed ")).hasValue(Comparison.OPEN_VS_CLOSED);
        assertThat(Comparison.preset("china-vs-us")).hasValue(Comparison.CHINA_VS_US);
        assertThat(Comparison.preset("open-vs-sota")).hasValue(Comparison.OPEN_VS_SOTA);
        assertThat(Comparison.preset("us-vs-eu")).isEmpty();
        assertThat(Comparison.presets()).hasSize(3);
    }

    @Test
    void labelNamesTheFollowerFirst() {
        assertThat(Comparison.OPEN_VS_CLOSED.label()).isEqualTo("open weights vs closed");
        assertThat(Comparison.CHINA_VS_US.label()).isEqualTo("China vs US");
    }
}
