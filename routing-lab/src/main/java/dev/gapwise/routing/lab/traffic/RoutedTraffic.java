package dev.gapwise.routing.lab.traffic;

import dev.gapwise.routing.RouteDecision;
import dev.gapwise.routing.RouteRequest;
import dev.gapwise.routing.Router;
import dev.gapwise.routing.lab.corpus.CorpusRow;
import dev.gapwise.routing.lab.eval.Proportion;

import java.util.List;
import java.util.function.Predicate;

/**
 * Held-out rows with the decisions the router made for them. Immutable.
 *
 * @param policyCritical the tier high-stakes requests must reach
 * @param policyRoutine  the tier routine work should stay on (the policy's default)
 * @param routed         every row with its decision, in corpus order
 */
public record RoutedTraffic(String policyCritical, String policyRoutine, List<Routed> routed) {
    /** One row and its decision. */
    public record Routed(CorpusRow row, RouteDecision decision) {
    }

    public RoutedTraffic {
        routed = List.copyOf(routed);
    }

    /** Routes every row as a one-turn (or, with context, multi-turn) request to {@code auto} without a key. */
    public static RoutedTraffic route(Router router, List<CorpusRow> rows) {
        List<Routed> routed = rows.parallelStream().map(row -> new Routed(row, router.route(RouteRequest.of(row.text())
                .withContext(row.context()).withShape(row.context().isEmpty() ? 1 : 2, false)))).toList();
        return new RoutedTraffic(router.policy().highStakesTier(), router.policy().defaultTier(), routed);
    }

    /** The rows of a slice with their decisions. */
    public List<Routed> slice(Predicate<CorpusRow> slice) {
        return routed.stream().filter(r -> slice.test(r.row())).toList();
    }

    /** The share of a slice's rows whose decision satisfies {@code outcome}. */
    public Proportion share(Predicate<CorpusRow> slice, Predicate<RouteDecision> outcome) {
        List<Routed> rows = slice(slice);
        return new Proportion(rows.stream().filter(r -> outcome.test(r.decision())).count(), rows.size());
    }

    /** Whether a decision put the request on the high-stakes tier. */
    public boolean critical(RouteDecision decision) {
        return decision.tier().equals(policyCritical);
    }

    /** Whether a decision put the request on any tier other than the routine one. */
    public boolean aboveRoutine(RouteDecision decision) {
        return !decision.tier().equals(policyRoutine);
    }
}
