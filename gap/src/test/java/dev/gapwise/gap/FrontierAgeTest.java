package dev.gapwise.gap;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FrontierAgeTest {

    @Test
    void aModelIsAsFarBehindAsTheFrontierFirstReachedItsScoreBeforeTheDataDate() {
        Dataset dataset = Dataset.builder(new DataSnapshot("t", LocalDate.of(2025, 1, 1), "test"))
                .model(model("closed-a", Access.CLOSED, "2023-01-01"))
                .model(model("closed-b", Access.CLOSED, "2024-01-01"))
                .model(model("open-c", Access.OPEN, "2024-07-01"))
                .model(model("unscored", Access.OPEN, "2024-07-01"))
                .benchmark(Benchmarks.ECI)
                .score(score("closed-a", 120))
                .score(score("closed-b", 140))
                .score(score("open-c", 125))
                .build();
        FrontierAge ages = FrontierAge.of(dataset, "eci").orElseThrow();
        assertThat(ages.asOf()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(ages.monthsBehind("closed-b").getAsDouble()).isCloseTo(Months.between(
                LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)), within(1e-9));
        // The frontier first reached 125 when closed-b (140) was released, a year before the data date.
        assertThat(ages.monthsBehind("open-c").getAsDouble()).isCloseTo(12.0, within(0.05));
        assertThat(ages.monthsBehind("closed-a").getAsDouble()).isCloseTo(24.0, within(0.1));
        assertThat(ages.monthsBehind("unscored")).isEmpty();
        assertThat(ages.method()).contains("eci").contains("2025-01-01");
    }

    @Test
    void aDatasetWithoutTheBenchmarkHasNoAges() {
        Dataset dataset = Dataset.builder(new DataSnapshot("t", LocalDate.of(2025, 1, 1), "test")).build();
        assertThat(FrontierAge.of(dataset, "eci")).isEqualTo(Optional.empty());
    }

    private static Model model(String id, Access access, String released) {
        return Model.builder(id, id).access(access).releaseDate(LocalDate.parse(released)).build();
    }

    private static BenchmarkScore score(String model, double value) {
        return new BenchmarkScore(model, "eci", value, Optional.of(LocalDate.of(2025, 1, 1)), "test");
    }
}
