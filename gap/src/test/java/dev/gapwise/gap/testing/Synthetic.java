package dev.gapwise.gap.testing;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.Scale;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.Series;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Small synthetic data built in code, so every expected number in a test can be worked out by hand. Dates
 * are counted in days from {@link #DAY_ZERO} (2021-01-01, so day 365 is 2022-01-01 and day 730 is
 * 2023-01-01); {@link #months(int)} turns a day count into months exactly as the methods do. Closed models
 * come from the US, open ones from China, so both preset comparisons see the same two groups.
 */
public final class Synthetic {
    /** Day 0. */
    public static final LocalDate DAY_ZERO = LocalDate.of(2021, 1, 1);
    /** An unbounded index compared as it is (identity transform, no default tolerance). */
    public static final Benchmark INDEX = new Benchmark("syn_index", "Synthetic index", Scale.INDEX);
    /** Accuracies in 0..1, compared as -ln(1 - acc). */
    public static final Benchmark ACCURACY = new Benchmark("syn_accuracy", "Synthetic accuracy", Scale.ACCURACY);
    /** Training compute in FLOP, compared as log10. */
    public static final Benchmark COMPUTE = new Benchmark("syn_compute", "Synthetic compute", Scale.COMPUTE);

    private Synthetic() {
    }

    /** The date {@code days} after day 0. */
    public static LocalDate day(int days) {
        return DAY_ZERO.plusDays(days);
    }

    /** Days as months: days / 365 × 12. */
    public static double months(double days) {
        return days / 365.0 * 12.0;
    }

    /** A snapshot dated {@code days} after day 0. */
    public static DataSnapshot snapshot(int days) {
        return new DataSnapshot("synthetic", day(days), "test");
    }

    /** A closed-weights model of a US lab. */
    public static Model closed(String name) {
        return Model.builder(name, name).access(Access.CLOSED).countries(List.of("US")).organization("Closed Lab")
                .license("Proprietary").build();
    }

    /** An open-weights model of a Chinese lab. */
    public static Model open(String name) {
        return Model.builder(name, name).access(Access.OPEN).countries(List.of("CN")).organization("Open Lab")
                .license("MIT").build();
    }

    /** The accuracy whose -ln(1 - acc) is {@code nats}. */
    public static double accuracyOfNats(double nats) {
        return 1 - Math.exp(-nats);
    }

    /** Starts a series on {@code benchmark}. */
    public static Scores scores(Benchmark benchmark) {
        return new Scores(benchmark);
    }

    /** Collects observations of closed and open models; not thread-safe. */
    public static final class Scores {
        private final Benchmark benchmark;
        private final List<Observation> observations = new ArrayList<>();
        private int asOf = -1;

        private Scores(Benchmark benchmark) {
            this.benchmark = benchmark;
        }

        /** A closed model scoring {@code value}, released on day {@code days}. */
        public Scores closed(String name, int days, double value) {
            observations.add(new Observation(Synthetic.closed(name), day(days), value));
            return this;
        }

        /** An open model scoring {@code value}, released on day {@code days}. */
        public Scores open(String name, int days, double value) {
            observations.add(new Observation(Synthetic.open(name), day(days), value));
            return this;
        }

        /** The day the data describes (default: the last release). */
        public Scores asOf(int days) {
            asOf = days;
            return this;
        }

        /** The observations so far. */
        public List<Observation> observations() {
            return List.copyOf(observations);
        }

        public Series build() {
            int last = asOf >= 0 ? asOf : observations.stream()
                    .mapToInt(o -> (int) ChronoUnit.DAYS.between(DAY_ZERO, o.date())).max().orElse(0);
            return Series.of(benchmark, snapshot(last), observations);
        }
    }
}
