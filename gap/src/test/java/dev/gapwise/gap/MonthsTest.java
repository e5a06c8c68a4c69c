package dev.gapwise.gap;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MonthsTest {

    @Test
    void aMonthIsATwelfthOf365DaysNotACalendarMonth() {
        assertThat(Months.between(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1))).isEqualTo(12.0);
        assertThat(Months.between(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 15))).isCloseTo(2.4, within(1e-12));
        assertThat(Months.between(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)))
                .as("a leap year counts 366 days").isEqualTo(366 / 365.0 * 12);
    }

    @Test
    void earlierEndGivesANegativeLag() {
        assertThat(Months.between(LocalDate.of(2022, 1, 1), LocalDate.of(2021, 1, 1))).isEqualTo(-12.0);
    }

    @Test
    void monthsTurnBackIntoWholeDays() {
        assertThat(Months.toDays(12)).isEqualTo(365);
        assertThat(Months.toDays(2.4)).isEqualTo(73);
        assertThat(Months.toDays(0)).isZero();
    }
}
