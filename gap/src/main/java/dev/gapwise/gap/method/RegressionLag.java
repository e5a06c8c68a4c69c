package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Months;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.stats.GroupRegression;
import dev.gapwise.gap.stats.Pcg64;
import dev.gapwise.gap.stats.Summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Method (e), the regression lag (Epoch AI, 2024, compute): fit the transformed score (log10 FLOP) on the
 * release date for the leader's and the follower's records, with equal slopes and with separate slopes,
 * each group its own intercept; the lag is (ŷ_leader(T) − ŷ_follower(T)) / b_leader at the last date T.
 * A bootstrap (rows drawn with replacement, refitted, NumPy's PCG64 stream from {@code seed}) gives a 90 %
 * interval; resamples in which no line can be fitted (a group missing, or one date per group) are skipped and
 * counted in the notes. Dates enter as proleptic ordinal day numbers, slopes are per day and reported per year × 365.
 *
 * @param transform  comparison scale (log10 for compute)
 * @param bootstrap  number of resamples (0 for none)
 * @param seed       seed of the resampling stream
 */
public record RegressionLag(Transform transform, int bootstrap, long seed) implements LagMethod {
    /** Python's {@code date.toordinal()} of 1970-01-01. */
    private static final long ORDINAL_OF_EPOCH = 719163;

    public RegressionLag {
        if (bootstrap < 0) {
            throw new IllegalArgumentException("bootstrap count cannot be negative: " + bootstrap);
        }
    }

    /** Epoch 2024 settings: log10, 1000 resamples, seed 43. */
    public static RegressionLag epoch2024() {
        return new RegressionLag(Transform.LOG10, 1000, 43);
    }

    @Override
    public Method method() {
        return Method.REGRESSION;
    }

    @Override
    public LagResult measure(Series series, Comparison comparison) {
        return summarise(series, comparison, series.frontier(comparison.leader()).records(),
                series.frontier(comparison.follower()).records());
    }

    /** The result for given leader and follower rows (frontier records, or a study's own selection). */
    public LagResult summarise(Series series, Comparison comparison, List<Observation> leaderRows,
                               List<Observation> followerRows) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("fit", "value on release date, intercept per group");
        parameters.put("bootstrap", bootstrap + " resamples, PCG64 seed " + seed);
        if (leaderRows.size() < 2 || followerRows.size() < 2) {
            return LagResult.unsupported(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                    "each group needs at least two records to fit a line");
        }
        List<Row> rows = new ArrayList<>();
        leaderRows.forEach(o -> rows.add(new Row(o, true)));
        followerRows.forEach(o -> rows.add(new Row(o, false)));
        rows.sort(Comparator.comparing(r -> r.observation().date()));
        Fit fit = fit(rows);
        if (!(fit.leaderSlopePerDay() > 0)) {
            return LagResult.unsupported(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                    "the leader's fitted trend does not rise, so a time lag is undefined");
        }
        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("equal_slopes_months", fit.equalMonths());
        extra.put("separate_slopes_months", fit.separateMonths());
        extra.put("growth_per_year_equal", growth(fit.equalSlopePerDay()));
        extra.put("growth_per_year_leader", growth(fit.leaderSlopePerDay()));
        extra.put("growth_per_year_follower", growth(fit.followerSlopePerDay()));
        Optional<Summary> interval = Optional.empty();
        List<String> notes = new ArrayList<>();
        if (bootstrap > 0) {
            Pcg64 random = new Pcg64(seed);
            List<Double> equal = new ArrayList<>();
            List<Double> separate = new ArrayList<>();
            List<Double> growth = new ArrayList<>();
            int skipped = 0;
            for (int b = 0; b < bootstrap; b++) {
                int[] picks = random.resampleIndices(rows.size());
                List<Row> sample = new ArrayList<>();
                for (int pick : picks) {
                    sample.add(rows.get(pick));
                }
                if (!fittable(sample)) {
                    skipped++;
                    continue;
                }
                Fit resampled = fit(sample);
                equal.add(resampled.equalMonths());
                separate.add(resampled.separateMonths());
                growth.add(growth(resampled.equalSlopePerDay()));
            }
            if (skipped > 0) {
                notes.add(skipped + " of " + bootstrap + " resamples skipped: a group had no rows or no spread in"
                        + " dates, so no line could be fitted");
            }
            if (equal.isEmpty()) {
                return new LagResult(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                        OptionalDouble.of(fit.equalMonths()), "equal-slopes fit over " + leaderRows.size() + " + "
                        + followerRows.size() + " records", Optional.empty(), List.of(), List.of(), extra, notes);
            }
            Summary equalSummary = Summary.of(equal);
            Summary separateSummary = Summary.of(separate);
            Summary growthSummary = Summary.of(growth);
            extra.put("equal_slopes_ci5", equalSummary.p5());
            extra.put("equal_slopes_ci95", equalSummary.p95());
            extra.put("separate_slopes_ci5", separateSummary.p5());
            extra.put("separate_slopes_ci95", separateSummary.p95());
            extra.put("growth_per_year_equal_ci5", growthSummary.p5());
            extra.put("growth_per_year_equal_ci95", growthSummary.p95());
            interval = Optional.of(equalSummary);
        }
        return new LagResult(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                OptionalDouble.of(fit.equalMonths()), "equal-slopes fit over " + leaderRows.size() + " + "
                + followerRows.size() + " records" + (bootstrap > 0 ? ", 90% bootstrap interval" : ""),
                interval, List.of(), List.of(), extra, notes);
    }

    /**
     * True when a resample can be fitted: rows of both groups, and more than one date within some group
     * (otherwise the shared slope is undefined and the equal-slopes fit has no solution).
     */
    private static boolean fittable(List<Row> sample) {
        java.util.Set<LocalDate> leaderDates = new java.util.HashSet<>();
        java.util.Set<LocalDate> followerDates = new java.util.HashSet<>();
        for (Row row : sample) {
            (row.leader() ? leaderDates : followerDates).add(row.observation().date());
        }
        return !leaderDates.isEmpty() && !followerDates.isEmpty()
                && (leaderDates.size() > 1 || followerDates.size() > 1);
    }

    private double growth(double slopePerDay) {
        double perYear = slopePerDay * 365;
        return transform == Transform.LOG10 ? Math.pow(10, perYear) : perYear;
    }

    private Fit fit(List<Row> rows) {
        int n = rows.size();
        double[] x = new double[n];
        double[] y = new double[n];
        boolean[] leader = new boolean[n];
        LocalDate last = LocalDate.MIN;
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            x[i] = row.observation().date().toEpochDay() + ORDINAL_OF_EPOCH;
            y[i] = transform.apply(row.observation().value());
            leader[i] = row.leader();
            if (row.observation().date().isAfter(last)) {
                last = row.observation().date();
            }
        }
        double at = last.toEpochDay() + ORDINAL_OF_EPOCH;
        GroupRegression separate = GroupRegression.separate(x, y, leader);
        GroupRegression equal = GroupRegression.equalSlopes(x, y, leader);
        double separateDays = (separate.leaderAt(at) - separate.followerAt(at)) / separate.leaderSlope();
        double equalDays = (equal.leaderAt(at) - equal.followerAt(at)) / equal.leaderSlope();
        return new Fit(equalDays / 365 * 12, separateDays / 365 * 12,
                equal.leaderSlope(), separate.leaderSlope(), separate.followerSlope());
    }

    private record Row(Observation observation, boolean leader) {
    }

    private record Fit(double equalMonths, double separateMonths, double equalSlopePerDay, double leaderSlopePerDay,
                       double followerSlopePerDay) {
    }
}
