package dev.gapwise.gap.method;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Frontier;
import dev.gapwise.gap.Months;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.stats.Summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Method (d), the day-by-day backward lag (Epoch AI, 2026): for every day d, take the follower frontier's
 * score e = F_B(d) and find the last day t* on which the leader frontier was no better than e + tol; the
 * lag that day is d − t*. It jumps down when the follower releases a better model and grows by a day per
 * day in between — a sawtooth — so it is reported as mean, min and max over a window.
 *
 * <p>Days on which the leader frontier was already above the follower's score at the leader's first record
 * have no defined lag (the data do not reach back far enough) and are left out and counted.
 *
 * @param tolerance allowance on the transformed scale
 * @param transform comparison scale
 * @param from      first day of the window, or empty for the first day both frontiers exist
 * @param to        last day of the window, or empty for the data snapshot's date
 */
public record BackwardLag(double tolerance, Transform transform, Optional<LocalDate> from, Optional<LocalDate> to)
        implements LagMethod {

    @Override
    public Method method() {
        return Method.BACKWARD_LAG;
    }

    @Override
    public LagResult measure(Series series, Comparison comparison) {
        Frontier leader = series.frontier(comparison.leader());
        Frontier follower = series.frontier(comparison.follower());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tolerance", String.valueOf(tolerance));
        if (leader.isEmpty() || follower.isEmpty()) {
            return LagResult.unsupported(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                    "one of the groups has no scored models");
        }
        LocalDate both = max(leader.start().orElseThrow(), follower.start().orElseThrow());
        LocalDate start = from.map(f -> max(f, both)).orElse(both);
        LocalDate end = to.orElse(series.asOf());
        parameters.put("window", start + " to " + end);
        if (end.isBefore(start)) {
            return LagResult.unsupported(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                    "the window ends before both groups have a scored model");
        }
        Frontier leaderScale = transform.onScale(leader, 0); // compared on the scale, never inverted
        List<LagResult.Point> curve = new ArrayList<>();
        int undefined = 0;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            double reached = transform.apply(follower.valueAt(day).orElseThrow()) + tolerance;
            Optional<LocalDate> lastNoBetter = leaderScale.lastDateAtMost(reached, day);
            if (lastNoBetter.isEmpty()) {
                undefined++;
                continue;
            }
            curve.add(new LagResult.Point(day, Months.between(lastNoBetter.get(), day)));
        }
        List<String> notes = new ArrayList<>();
        if (undefined > 0) {
            notes.add(undefined + " day(s) without a defined lag: the leader was already ahead at its first record");
        }
        if (curve.isEmpty()) {
            notes.addFirst("no day in the window has a defined lag");
            return new LagResult(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                    OptionalDouble.empty(), "no result", Optional.empty(), List.of(), List.of(), Map.of(), notes);
        }
        Summary summary = Summary.of(curve.stream().map(LagResult.Point::months).toList());
        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("lag_on_last_day_months", curve.getLast().months());
        return new LagResult(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                OptionalDouble.of(summary.mean()), "mean over " + curve.size() + " days (min "
                + round(summary.min()) + ", max " + round(summary.max()) + ")", Optional.of(summary), List.of(),
                curve, extra, notes);
    }

    private static String round(double months) {
        return String.format(java.util.Locale.ROOT, "%.1f", months);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
