package dev.gapwise.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountriesAndAccessTest {
    @Test
    void epochAndArenaCountryNamesNormaliseToIsoCodes() {
        assertThat(Countries.normalise("United States of America")).isEqualTo("US");
        assertThat(Countries.normalise("United States")).isEqualTo("US");
        assertThat(Countries.normalise("China")).isEqualTo("CN");
        assertThat(Countries.normalise("Korea (Republic of)")).isEqualTo("KR");
        assertThat(Countries.normalise("South Korea")).isEqualTo("KR");
        assertThat(Countries.parseList("United Kingdom of Great Britain and Northern Ireland,United States of America", ','))
                .containsExactly("GB", "US");
        assertThat(Countries.normalise("Multinational")).isEqualTo("Multinational");
    }

    @Test
    void epochAccessibilityGroupsOpenWeightsAndClosedAndLeavesBlankUnknown() {
        assertThat(Access.fromEpochAccessibility("Open weights (non-commercial)")).isEqualTo(Access.OPEN);
        assertThat(Access.fromEpochAccessibility("Open weights (restricted use)")).isEqualTo(Access.OPEN);
        assertThat(Access.fromEpochAccessibility("API access")).isEqualTo(Access.CLOSED);
        assertThat(Access.fromEpochAccessibility("Hosted access (no API)")).isEqualTo(Access.CLOSED);
        assertThat(Access.fromEpochAccessibility("Unreleased")).isEqualTo(Access.CLOSED);
        assertThat(Access.fromEpochAccessibility("")).isEqualTo(Access.UNKNOWN);
    }

    @Test
    void arenaLicencesAreClosedOnlyWhenProprietaryIncludingTheMisspelledRow() {
        assertThat(Access.fromArenaLicense("Proprietary")).isEqualTo(Access.CLOSED);
        assertThat(Access.fromArenaLicense("Propretary")).isEqualTo(Access.CLOSED);
        assertThat(Access.fromArenaLicense("MIT")).isEqualTo(Access.OPEN);
        assertThat(Access.fromArenaLicense("Llama 2 Community")).isEqualTo(Access.OPEN);
    }

    @Test
    void costsAreExactDecimalsRoundedToNanoDollars() {
        Price price = Price.of("2.50", "10.00");
        assertThat(price.cost(1234, 567)).isEqualByComparingTo("0.008755");
        assertThat(price.cost(1, 0).scale()).isEqualTo(Price.COST_SCALE);
    }
}
