package dev.gapwise.gap.report;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.gap.analysis.GapReport;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.Method;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one sentence a reader needs first: how far the follower trails on the data's last day by the day-by-day
 * method, with the range the methods give beside it, e.g. "China trails the US frontier by about 7.5 months on
 * Epoch Capabilities Index as of 2026-04-16 (method d, the lag on that day; methods a–f give 3.8 to 8.7)".
 */
public final class Headline {
    private Headline() {
    }

    /** The sentence for one group pair of a report. */
    public static String of(GapReport report, GapReport.Section section) {
        return of(report.benchmark(), section, report.series().asOf());
    }

    static String of(Benchmark benchmark, GapReport.Section section, LocalDate asOf) {
        String follower = section.comparison().follower().label();
        String leader = section.comparison().leader().label();
        List<LagResult> defined = section.lags().stream().filter(LagResult::hasResult).toList();
        if (defined.isEmpty()) {
            return follower + " vs the " + leader + " frontier on " + benchmark.displayName()
                    + ": no method gives a lag on this data";
        }
        Optional<LagResult> daily = defined.stream().filter(l -> l.method() == Method.BACKWARD_LAG).findFirst();
        LagResult chosen = daily.orElse(defined.getFirst());
        double months = daily.flatMap(d -> Optional.ofNullable(d.extra().get("lag_on_last_day_months")))
                .orElse(chosen.months().getAsDouble());
        String basis = daily.isPresent() && daily.get().extra().containsKey("lag_on_last_day_months")
                ? "method d, the lag on that day" : "method " + chosen.method().letter() + ", " + chosen.statistic();
        StringBuilder text = new StringBuilder(follower + " trails the " + leader + " frontier by about "
                + Format.months(months) + " months on " + benchmark.displayName() + " as of " + asOf + " (" + basis);
        if (defined.size() > 1) {
            double min = defined.stream().mapToDouble(l -> l.months().getAsDouble()).min().orElseThrow();
            double max = defined.stream().mapToDouble(l -> l.months().getAsDouble()).max().orElseThrow();
            String letters = defined.getFirst().method().letter() + "–" + defined.getLast().method().letter();
            text.append("; methods ").append(letters).append(" give ").append(Format.months(min)).append(" to ")
                    .append(Format.months(max));
        }
        return text.append(')').toString();
    }
}
