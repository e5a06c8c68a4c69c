package dev.gapwise.gap.method;

import dev.gapwise.catalog.Scale;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Months;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.stats.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Method (a), discrete catch-up (Epoch AI, 2024). Walk the leader's records in date order; skip a record
 * the follower has already matched (its score is at most the last matched follower score plus the
 * tolerance); otherwise find the first follower record whose score exceeds the leader's minus the
 * tolerance — that is a catch-up, and its lag is the difference in release dates. Leader records no
 * follower has reached yet are reported as open, not as lags.
 *
 * <p>The compute variant of the same report compares every leader record with no tolerance, no skipping
 * and "at least" instead of "above": {@link #computeVariant()}.
 *
 * @param tolerance   how close counts as caught up, on the transformed scale
 * @param transform   the comparison scale
 * @param inclusive   match when follower ≥ leader − tol (true) or follower &gt; leader − tol (false)
 * @param skipMatched skip leader records already within the tolerance of the last match
 */
public record DiscreteCatchUp(double tolerance, Transform transform, boolean inclusive, boolean skipMatched)
        implements LagMethod {

    public DiscreteCatchUp {
        if (tolerance < 0 || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a non-negative number, got " + tolerance);
        }
    }

    /** Epoch 2024 benchmark settings: 0.02 nats on -ln(1-acc), strict match, skip matched records. */
    public static DiscreteCatchUp epoch2024() {
        return new DiscreteCatchUp(0.02, Transform.NEG_LOG_ERROR, false, true);
    }

    /** Epoch 2024 compute settings: log10 FLOP, follower ≥ leader, no tolerance, no skipping. */
    public static DiscreteCatchUp computeVariant() {
        return new DiscreteCatchUp(0.0, Transform.LOG10, true, false);
    }

    /** The natural settings for a benchmark scale, with the given tolerance (or the scale's default). */
    public static DiscreteCatchUp forScale(Scale scale, OptionalDouble tolerance) {
        return new DiscreteCatchUp(tolerance.orElse(Transform.defaultTolerance(scale)), Transform.defaultFor(scale),
                false, true);
    }

    @Override
    public Method method() {
        return Method.DISCRETE_CATCH_UP;
    }

    @Override
    public LagResult measure(Series series, Comparison comparison) {
        List<Observation> leader = series.frontier(comparison.leader()).records();
        List<Observation> follower = series.frontier(comparison.follower()).records();
        return summarise(series, comparison, leader, follower);
    }

    /** The result for given leader and follower records (frontiers, or a study's own selection). */
    public LagResult summarise(Series series, Comparison comparison, List<Observation> leader,
                               List<Observation> follower) {
        Map<String, String> parameters = parameters();
        if (leader.isEmpty() || follower.isEmpty()) {
            return LagResult.unsupported(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                    (leader.isEmpty() ? comparison.leader().label() : comparison.follower().label())
                            + " has no scored models on " + series.benchmark().displayName());
        }
        Outcome outcome = events(leader, follower);
        List<String> notes = new ArrayList<>();
        if (!outcome.open().isEmpty()) {
            notes.add(outcome.open().size() + " leader record(s) not yet reached by the follower: "
                    + String.join(", ", outcome.open().stream().map(o -> o.name() + " (" + o.date() + ")").toList()));
        }
        if (outcome.events().isEmpty()) {
            notes.addFirst("the follower never caught up with a leader record");
            return new LagResult(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                    OptionalDouble.empty(), "no catch-up", Optional.empty(), List.of(), List.of(), Map.of(), notes);
        }
        Summary summary = Summary.of(outcome.events().stream().map(LagEvent::months).toList());
        return new LagResult(method(), comparison, series.benchmark(), series.snapshot(), parameters,
                OptionalDouble.of(summary.mean()), "mean of " + summary.count() + " catch-up"
                + (summary.count() == 1 ? "" : "s"), Optional.of(summary), outcome.events(), List.of(), Map.of(), notes);
    }

    /** The catch-ups and the leader records still open. */
    public record Outcome(List<LagEvent> events, List<Observation> open) {
    }

    /** Pairs leader records with the follower records that caught up with them. */
    public Outcome events(List<Observation> leader, List<Observation> follower) {
        List<LagEvent> events = new ArrayList<>();
        List<Observation> open = new ArrayList<>();
        double lastMatched = transform.floor();
        for (Observation record : leader) {
            double target = transform.apply(record.value());
            if (skipMatched && target <= lastMatched + tolerance) {
                continue;
            }
            Observation match = null;
            for (Observation candidate : follower) {
                double score = transform.apply(candidate.value());
                if (inclusive ? score >= target - tolerance : score > target - tolerance) {
                    match = candidate;
                    break;
                }
            }
            if (match == null) {
                open.add(record);
                continue;
            }
            events.add(new LagEvent(record, match, Months.between(record.date(), match.date()), OptionalDouble.empty()));
            lastMatched = transform.apply(match.value());
        }
        return new Outcome(List.copyOf(events), List.copyOf(open));
    }

    private Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("scale", switch (transform) {
            case NEG_LOG_ERROR -> "-ln(1 - accuracy)";
            case LOG10 -> "log10";
            case IDENTITY -> "raw score";
        });
        parameters.put("tolerance", String.valueOf(tolerance));
        parameters.put("match", inclusive ? "follower >= leader - tol" : "follower > leader - tol");
        parameters.put("skip matched leader records", String.valueOf(skipMatched));
        return parameters;
    }
}
