package dev.gapwise.gap.reproduce;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    private static Period period(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void monthIsEveryDayOfThatMonth() {
        assertThat(Period.parse("2025-02")).hasValue(period("2025-02-01", "2025-02-28"));
        assertThat(Period.parse("2024-02")).hasValue(period("2024-02-01", "2024-02-29"));
        assertThat(Period.parse("2024-01 (early January)")).hasValue(period("2024-01-01", "2024-01-31"));
    }

    @Test
    void endOfOrLateYearIsItsLastDay() {
        assertThat(Period.parse("end of 2023")).hasValue(period("2023-12-31", "2023-12-31"));
        assertThat(Period.parse("Late 2023")).hasValue(period("2023-12-31", "2023-12-31"));
        assertThat(Period.parse("end of 2023").orElseThrow().isDay()).isTrue();
    }

    @Test
    void dayIsOneDay() {
        Period day = Period.parse("2024-07-23").orElseThrow();

        assertThat(day).isEqualTo(period("2024-07-23", "2024-07-23"));
        assertThat(day.isDay()).isTrue();
    }

    @Test
    void rangeRunsFromTheFirstDayOfItsStartToTheLastDayOfItsEnd() {
        assertThat(Period.parse("2023-01 to 2025-10")).hasValue(period("2023-01-01", "2025-10-31"));
        assertThat(Period.parse("2026-01-01 to 2026-05-28")).hasValue(period("2026-01-01", "2026-05-28"));
        assertThat(Period.parse("2023-01 to 2025-10").orElseThrow().isDay()).isFalse();
    }

    @Test
    void unreadableTextIsEmpty() {
        assertThat(Period.parse("recently")).isEmpty();
        assertThat(Period.parse("2023-01 to soon")).isEmpty();
    }

    @Test
    void yearRangeOrImpossibleMonthIsEmptyInsteadOfThrowing() {
        // "2018-2024" used to be read as the month "2018-20" and throw a DateTimeParseException.
        assertThat(Period.parse("2018-2024")).isEmpty();
        assertThat(Period.parse("2025-13")).isEmpty();
        assertThat(Period.parse("2025-02-30")).isEmpty();
    }
}
