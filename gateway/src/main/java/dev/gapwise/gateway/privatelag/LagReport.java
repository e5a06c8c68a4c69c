package dev.gapwise.gateway.privatelag;

import dev.gapwise.gateway.price.Pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The private lag report: for each task label, tier, cheaper candidate and dearer reference, the share of pairs in
 * which the candidate's answer was acceptable (95 % Wilson interval), what each answer cost per request, the monthly
 * volume the sampled pairs stand for (each pair counts 1/share requests, scaled from the window to 30 days), the
 * monthly saving of switching that traffic to the candidate — outright (reference cost minus candidate cost) and as a
 * cascade that re-sends the unacceptable share to the reference (acceptance × reference cost minus candidate cost)
 * — the public lag of both models from the gap tracker, and a recommendation. A recommendation to switch is made
 * only when the interval's lower bound clears the owner's threshold with at least {@code minPairs} pairs, and never
 * for the high-stakes tier. A cost that is unknown for any pair of a group makes its savings unknown, never $0.
 * Immutable.
 *
 * @param from      first UTC day of the window
 * @param to        last UTC day of the window
 * @param threshold the acceptance the owner requires, 0..1
 * @param minPairs  the fewest pairs a recommendation to switch needs
 * @param lagIndex  the index the public lags are measured on
 * @param lines     one per group, most requests first
 */
public record LagReport(LocalDate from, LocalDate to, double threshold, int minPairs, String lagIndex,
                        List<Line> lines) {
    private static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);

    public LagReport {
        lines = List.copyOf(lines);
    }

    /** One group's numbers. */
    public record Line(ShadowPair.Key key, String candidateModel, String referenceModel, Wilson acceptance,
                       long fromFeedback, Optional<BigDecimal> candidateCost, Optional<BigDecimal> referenceCost,
                       double requestsPerMonth, double sampledShare, Optional<BigDecimal> switchSavingPerMonth,
                       Optional<BigDecimal> cascadeSavingPerMonth, OptionalDouble candidateLag,
                       OptionalDouble referenceLag, BigDecimal judgeCost, Recommendation recommendation) {
        public Line {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(recommendation, "recommendation");
        }
    }

    /** What the report advises for one group. */
    public sealed interface Recommendation {
        String text();

        /** The interval clears the threshold: route this task on this tier to the candidate. */
        record Switch(String text) implements Recommendation {
        }

        /** Not enough evidence, or the candidate falls short: keep the policy. */
        record Keep(String text) implements Recommendation {
        }

        /** The high-stakes tier: never changed from this report. */
        record Review(String text) implements Recommendation {
        }
    }

    /**
     * Computes the report.
     *
     * @param lagOfModel the public lag of a model in months on {@code lagIndex}, when the catalog has one
     */
    public static LagReport of(List<ShadowPair> pairs, LocalDate from, LocalDate to, double threshold, int minPairs,
                               String highStakesTier, String lagIndex, Function<String, OptionalDouble> lagOfModel) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold " + threshold + " must be in (0, 1]");
        }
        Map<ShadowPair.Key, List<ShadowPair>> groups = new LinkedHashMap<>();
        for (ShadowPair pair : pairs) {
            groups.computeIfAbsent(pair.key(), key -> new ArrayList<>()).add(pair);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<ShadowPair.Key, List<ShadowPair>> group : groups.entrySet()) {
            lines.add(line(group.getKey(), group.getValue(), days, threshold, minPairs, highStakesTier, lagOfModel));
        }
        lines.sort((a, b) -> Double.compare(b.requestsPerMonth(), a.requestsPerMonth()));
        return new LagReport(from, to, threshold, minPairs, lagIndex, lines);
    }

    private static Line line(ShadowPair.Key key, List<ShadowPair> pairs, long days, double threshold, int minPairs,
                             String highStakesTier, Function<String, OptionalDouble> lagOfModel) {
        long acceptable = pairs.stream().filter(ShadowPair::acceptable).count();
        Wilson acceptance = new Wilson(acceptable, pairs.size());
        long fromFeedback = pairs.stream().filter(p -> p.basis().equals("feedback")).count();
        double represented = pairs.stream().mapToDouble(p -> 1 / p.share()).sum();
        double perMonth = represented * 30.0 / days;
        Optional<BigDecimal> candidateCost = mean(pairs.stream().map(ShadowPair::candidateCost).toList());
        Optional<BigDecimal> referenceCost = mean(pairs.stream().map(ShadowPair::referenceCost).toList());
        BigDecimal volume = BigDecimal.valueOf(represented).multiply(DAYS_PER_MONTH)
                .divide(BigDecimal.valueOf(days), 6, RoundingMode.HALF_UP);
        Optional<BigDecimal> switchSaving = candidateCost.flatMap(c -> referenceCost.map(r ->
                r.subtract(c).multiply(volume).setScale(2, RoundingMode.HALF_UP)));
        BigDecimal share = BigDecimal.valueOf(acceptable).divide(BigDecimal.valueOf(pairs.size()), 9, RoundingMode.HALF_UP);
        Optional<BigDecimal> cascadeSaving = candidateCost.flatMap(c -> referenceCost.map(r ->
                share.multiply(r).subtract(c).multiply(volume).setScale(2, RoundingMode.HALF_UP)));
        BigDecimal judgeCost = Pricing.usd(pairs.stream().mapToLong(ShadowPair::judgeCost).sum());
        ShadowPair first = pairs.getFirst();
        return new Line(key, first.candidateModel(), first.referenceModel(), acceptance, fromFeedback, candidateCost,
                referenceCost, perMonth, pairs.size() / represented, switchSaving, cascadeSaving,
                lagOfModel.apply(first.candidateModel()), lagOfModel.apply(first.referenceModel()), judgeCost,
                recommend(key, acceptance, threshold, minPairs, highStakesTier));
    }

    private static Recommendation recommend(ShadowPair.Key key, Wilson acceptance, double threshold, int minPairs,
                                            String highStakesTier) {
        String percent = String.format(java.util.Locale.ROOT, "%.1f %%", 100 * acceptance.lower());
        String wanted = String.format(java.util.Locale.ROOT, "%.1f %%", 100 * threshold);
        if (key.tier().equals(highStakesTier)) {
            return new Recommendation.Review("tier " + key.tier() + " is the high-stakes tier: never changed from this "
                    + "report; review the pairs and change the policy by hand if at all");
        }
        if (acceptance.total() < minPairs) {
            return new Recommendation.Keep("keep the policy: " + acceptance.total() + " pairs, at least " + minPairs
                    + " needed before any change");
        }
        if (acceptance.lower() >= threshold) {
            return new Recommendation.Switch("route task " + key.task() + " on tier " + key.tier() + " to "
                    + key.candidate() + ": the interval's lower bound " + percent + " clears your threshold " + wanted);
        }
        return new Recommendation.Keep("keep the policy: the interval's lower bound " + percent + " is below your "
                + "threshold " + wanted);
    }

    /** The mean cost in USD, or empty when any pair's cost is unknown. */
    private static Optional<BigDecimal> mean(List<OptionalLong> costs) {
        long sum = 0;
        for (OptionalLong cost : costs) {
            if (cost.isEmpty()) {
                return Optional.empty();
            }
            sum += cost.getAsLong();
        }
        return Optional.of(Pricing.usd(sum).divide(BigDecimal.valueOf(costs.size()), 9, RoundingMode.HALF_UP));
    }
}
