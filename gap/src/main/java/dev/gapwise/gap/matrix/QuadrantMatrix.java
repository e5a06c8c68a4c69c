package dev.gapwise.gap.matrix;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Group;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.method.BackwardLag;
import dev.gapwise.gap.method.LagOverTime;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.Transform;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The 2×2 view on one benchmark: for each quadrant its best model, its lag behind the overall frontier (all models
 * of known access) and behind each other quadrant — now (method d on the data's last day) and as the mean of method
 * (d) in each half-year. A quadrant ahead of another has a lag of 0 behind it. Stateless.
 */
public final class QuadrantMatrix {
    private QuadrantMatrix() {
    }

    /**
     * One quadrant behind one other group.
     *
     * @param follower  the quadrant
     * @param leader    the overall frontier ({@link Group#ALL}) or another quadrant
     * @param now       method (d) on the data's last day, when defined
     * @param halfYears the half-year means of method (d)
     */
    public record Pair(Quadrant follower, Group leader, OptionalDouble now, List<LagOverTime.Window> halfYears) {
        public Pair {
            halfYears = List.copyOf(halfYears);
        }
    }

    /**
     * The whole view.
     *
     * @param series   the scores used
     * @param models   scored models per quadrant (effort variants of one model count once)
     * @param best     each quadrant's best model on the last day, when it has one
     * @param overall  each quadrant against the overall frontier
     * @param pairs    each quadrant against each other quadrant (12 ordered pairs)
     */
    public record Report(Series series, Map<Quadrant, Integer> models, Map<Quadrant, Optional<Observation>> best,
                         List<Pair> overall, List<Pair> pairs) {
        public Report {
            models = Map.copyOf(models);
            best = Map.copyOf(best);
            overall = List.copyOf(overall);
            pairs = List.copyOf(pairs);
        }

        /** The pair of {@code follower} behind {@code leader}. */
        public Pair pair(Quadrant follower, Quadrant leader) {
            return pairs.stream().filter(p -> p.follower() == follower && p.leader().equals(leader.group()))
                    .findFirst().orElseThrow();
        }

        /** The quadrant behind the overall frontier. */
        public Pair overall(Quadrant follower) {
            return overall.stream().filter(p -> p.follower() == follower).findFirst().orElseThrow();
        }
    }

    /** The view of a series, with the scale's default transform and tolerance. */
    public static Report run(Series series) {
        var scale = series.benchmark().scale();
        Transform transform = Transform.defaultFor(scale);
        double tolerance = Transform.defaultTolerance(scale);
        Map<Quadrant, Integer> models = new EnumMap<>(Quadrant.class);
        Map<Quadrant, Optional<Observation>> best = new EnumMap<>(Quadrant.class);
        List<Pair> overall = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        for (Quadrant quadrant : Quadrant.values()) {
            models.put(quadrant, (int) series.of(quadrant.group()).stream()
                    .map(o -> o.model().attribute("model_name").orElse(o.model().id())).distinct().count());
            best.put(quadrant, Optional.ofNullable(series.frontier(quadrant.group()).recordAt(series.asOf())));
            overall.add(pair(series, quadrant, Group.ALL, tolerance, transform));
            for (Quadrant leader : Quadrant.values()) {
                if (leader != quadrant) {
                    pairs.add(pair(series, quadrant, leader.group(), tolerance, transform));
                }
            }
        }
        return new Report(series, models, best, overall, pairs);
    }

    private static Pair pair(Series series, Quadrant follower, Group leader, double tolerance, Transform transform) {
        Comparison comparison = new Comparison(follower.name().toLowerCase(java.util.Locale.ROOT) + "-behind-"
                + leader.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), leader, follower.group());
        if (series.of(leader).isEmpty() || series.of(follower.group()).isEmpty()) {
            return new Pair(follower, leader, OptionalDouble.empty(), List.of());
        }
        LagResult daily = new BackwardLag(tolerance, transform, Optional.empty(), Optional.empty())
                .measure(series, comparison);
        Double last = daily.extra().get("lag_on_last_day_months");
        return new Pair(follower, leader, last == null ? OptionalDouble.empty() : OptionalDouble.of(last),
                LagOverTime.halfYears(series, comparison, tolerance, transform));
    }
}
