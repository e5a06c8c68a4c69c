package dev.gapwise.routing;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.routing.classify.ComplexityAssessment;
import dev.gapwise.routing.classify.RiskAssessment;
import dev.gapwise.routing.classify.RequestText;
import dev.gapwise.routing.classify.SparseVector;
import dev.gapwise.routing.classify.TextFeatures;
import dev.gapwise.routing.policy.Objective;
import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.policy.TierPolicy;
import dev.gapwise.routing.quality.QualityEstimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Routes requests: a pure function of (request, policy, catalog, lags, classifiers) to a {@link RouteDecision}
 * that carries its reasons. Build one per configuration and share it: immutable and thread-safe.
 *
 * <p>How it works: the prompt's features are computed once and feed the risk gate, the complexity classifier and,
 * for the quality-router objective, the quality estimate. The tier comes from {@link TierResolver}; every deployment
 * of the catalog is checked against the tier's eligibility; the eligible ones are ordered by the tier's objective.
 */
public final class Router {
    private final Policy policy;
    private final Catalog catalog;
    private final Classifiers classifiers;
    private final CandidateEvaluator evaluator;
    private final ModelLags lags;
    private final java.util.Map<String, Optional<Deployment>> baselines = new java.util.concurrent.ConcurrentHashMap<>();

    public Router(Policy policy, Catalog catalog, ModelLags lags, Classifiers classifiers) {
        this.policy = policy;
        this.catalog = catalog;
        this.lags = lags;
        this.classifiers = classifiers;
        this.evaluator = new CandidateEvaluator(catalog, lags);
        if (policy.baselineDeployment().isPresent() && catalog.deployment(policy.baselineDeployment().get()).isEmpty()) {
            throw new IllegalArgumentException("policy.baseline_deployment: '" + policy.baselineDeployment().get()
                    + "' is not a deployment of the catalog");
        }
    }

    /** Decides where a request goes. */
    public RouteDecision route(RouteRequest request) {
        List<String> reasons = new ArrayList<>();
        RequestText text = request.text();
        SparseVector features = TextFeatures.of(text);
        Classifiers.Verdicts verdicts = classifiers.verdicts(text, features, request.turns(), request.tools(),
                !settledAtTop(request));
        RiskAssessment risk = verdicts.risk();
        ComplexityAssessment complexity = verdicts.complexity();
        TierResolver.Resolution resolution = TierResolver.resolve(policy, request, risk, complexity, reasons);
        TierPolicy tier = policy.tier(resolution.tier()).orElseThrow();
        reasons.add("tier " + tier.name() + " from " + resolution.reason());
        if (resolution.source() != TierSource.CLASSIFIER && risk.highStakes()
                && policy.rank(tier.name()) > policy.rank(policy.highStakesTier())) {
            reasons.add("note: the risk gate flags this request (" + risk.reason() + ") but the " + resolution.source()
                    .name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " decided the tier");
        }
        reasons.add("complexity " + complexity.complexity().id() + " (" + complexity.reason() + ")");

        long output = request.expectedOutputTokens().orElse(policy.expectedOutputTokens());
        Optional<TierPolicy> floor = resolution.floor().flatMap(policy::tier);
        floor.ifPresent(f -> reasons.add("the API key's tier " + f.name() + " still constrains the deployments"));
        List<Candidate> candidates = new ArrayList<>();
        for (Deployment deployment : catalog.deployments()) {
            Candidate candidate = evaluator.evaluate(deployment, tier.eligibility(), request.estimatedInputTokens(),
                    output);
            if (floor.isPresent()) {
                candidate = candidate.alsoChecked(evaluator.evaluate(deployment, floor.get().eligibility(),
                        request.estimatedInputTokens(), output), "key tier " + floor.get().name());
            }
            candidates.add(candidate);
        }
        candidates.stream().flatMap(c -> c.lag().stream()).findFirst().ifPresent(lag -> reasons.add(
                "lags on " + lag.index() + ": " + lag.method() + " (" + lag.snapshot() + ")"));
        List<Candidate> eligible = candidates.stream().filter(Candidate::eligible).toList();
        String objective = tier.objective().describe();
        List<Candidate> ordered = switch (tier.objective()) {
            case Objective.Cheapest c -> sorted(eligible, cheapest());
            case Objective.BestQuality b -> sorted(eligible, bestQuality());
            case Objective.QualityRouter q -> {
                boolean strong;
                if (complexity.complexity() == Complexity.HIGH) {
                    strong = true;
                    reasons.add("quality router skipped: high complexity goes to the best-quality deployment");
                } else {
                    QualityEstimate estimate = verdicts.quality(classifiers.quality(), q.knob());
                    strong = estimate.needsStrong();
                    reasons.add("quality router (" + q.knob().describe() + "): " + estimate.reason());
                }
                objective = strong ? "quality router: best quality" : "quality router: cheapest";
                yield sorted(eligible, strong ? bestQuality() : cheapest());
            }
        };
        reasons.add(String.format("%d of %d deployments eligible for %s; objective %s", eligible.size(),
                candidates.size(), tier.name(), tier.objective().describe()));
        if (ordered.isEmpty()) {
            reasons.add("no deployment satisfies tier " + tier.name() + ": relax its rules or add deployments");
        } else {
            Candidate first = ordered.getFirst();
            reasons.add("chose " + first.deployment().id() + " (est. $" + first.estimatedCost().toPlainString() + "; "
                    + String.join("; ", first.checks().isEmpty() ? List.of("no constraints") : first.checks()) + ")");
        }
        Optional<Deployment> baseline = baseline(tier.eligibility().lagIndex());
        Optional<BigDecimal> baselineCost = baseline.map(d -> d.price().cost(request.estimatedInputTokens(), output));
        baseline.ifPresent(d -> reasons.add("frontier baseline " + d.id() + ": est. $"
                + baselineCost.orElseThrow().toPlainString()));
        return new RouteDecision(tier.name(), resolution.source(), resolution.reason(), risk, complexity.complexity(),
                complexity.reason(), objective, request.estimatedInputTokens(), output, candidates, ordered.stream().map(Candidate::deployment).toList(),
                ordered.isEmpty() ? BigDecimal.ZERO : ordered.getFirst().estimatedCost(), baseline, baselineCost,
                reasons);
    }

    /**
     * Whether the tier is settled before the classifiers speak: a fixed key tier, or a key tier or declared tier
     * that is already the most protected one. Then the risk gate's second opinion is not asked.
     */
    private boolean settledAtTop(RouteRequest request) {
        if (request.keyTier().map(RouteRequest.KeyTier::fixed).orElse(false)) {
            return true;
        }
        return java.util.stream.Stream.of(request.keyTier().map(RouteRequest.KeyTier::tier),
                        Optional.ofNullable(request.headers().get(RouteRequest.TIER_HEADER)),
                        Optional.ofNullable(request.metadata().get(RouteRequest.TIER_METADATA)))
                .flatMap(Optional::stream).map(String::strip)
                .anyMatch(tier -> policy.tier(tier).isPresent() && policy.rank(tier) == 0);
    }

    /** The policy this router applies. */
    public Policy policy() {
        return policy;
    }

    /** The frontier baseline for an index; it depends only on the catalog and lags, so it is computed once. */
    private Optional<Deployment> baseline(String index) {
        return baselines.computeIfAbsent(index, this::findBaseline);
    }

    private Optional<Deployment> findBaseline(String index) {
        if (policy.baselineDeployment().isPresent()) {
            return catalog.deployment(policy.baselineDeployment().get());
        }
        return catalog.deployments().stream()
                .filter(d -> lags.lag(d.modelId(), index).isPresent())
                .min(Comparator.comparingDouble((Deployment d) -> lags.lag(d.modelId(), index).orElseThrow().months())
                        .thenComparing(d -> d.price().cost(1000, 1000)).thenComparing(Deployment::id));
    }

    private static List<Candidate> sorted(List<Candidate> candidates, Comparator<Candidate> order) {
        return candidates.stream().sorted(order).toList();
    }

    private static Comparator<Candidate> cheapest() {
        return Comparator.comparing(Candidate::estimatedCost).thenComparing(Router::lagMonths)
                .thenComparing(c -> c.deployment().id());
    }

    private static Comparator<Candidate> bestQuality() {
        return Comparator.comparing(Router::lagMonths).thenComparing(Candidate::estimatedCost)
                .thenComparing(c -> c.deployment().id());
    }

    private static double lagMonths(Candidate candidate) {
        return candidate.lag().map(ModelLags.Lag::months).orElse(Double.MAX_VALUE);
    }
}
