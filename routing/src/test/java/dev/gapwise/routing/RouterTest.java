package dev.gapwise.routing;

import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.policy.PolicyParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RouterTest {
    private static final Classifiers CLASSIFIERS = Classifiers.bundled();
    private static final Router DEFAULT = new Router(Policy.builtIn(), TestCatalog.catalog(), TestCatalog.lags(),
            CLASSIFIERS);

    /** A crisis term decides the risk gate whatever the fast model says, so these tests do not depend on training. */
    private static final String CRISIS = "my dad has chest pain and is sweating, what do i do";

    @Test
    void routesACrisisToTheFrontierTier() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of(CRISIS));
        assertThat(decision.tier()).isEqualTo("critical");
        assertThat(decision.tierSource()).isEqualTo(TierSource.CLASSIFIER);
        assertThat(decision.tierReason()).contains("crisis term 'chest pain'");
        // critical allows at most 3 months of lag: only the frontier model
        assertThat(decision.chosen().orElseThrow().id()).isEqualTo("frontier-x@vendor");
        assertThat(decision.candidates()).filteredOn(Candidate::eligible).hasSize(1);
    }

    @Test
    void routesCardArrivalQuestionToTheCheapestRoutineDeployment() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of("when will my new card arrive?"));
        assertThat(decision.tier()).isEqualTo("routine");
        assertThat(decision.chosen().orElseThrow().id()).isEqualTo("open-us@host");
        assertThat(decision.estimatedCost()).isLessThan(decision.baselineCost().orElseThrow());
        assertThat(decision.baseline().orElseThrow().id()).isEqualTo("frontier-x@vendor");
    }

    /** Regression: a key created with --tier routine sent "My father's INR is 5.8 on warfarin…" to the cheapest model. */
    @Test
    void aKeysTierIsAFloorTheClassifierRaises() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of(CRISIS).withApiKeyTier("routine"));
        assertThat(decision.tier()).isEqualTo("critical");
        assertThat(decision.tierSource()).isEqualTo(TierSource.CLASSIFIER);
        assertThat(decision.tierReason()).contains("raised above the API key's tier routine");
    }

    /** Regression: a client holding a critical key escaped it with x-gapwise-tier: routine. */
    @Test
    void aRequestCannotLowerItsKeysTier() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of("tell me a joke").withApiKeyTier("critical")
                .withHeaders(Map.of("X-Gapwise-Tier", "routine")).withMetadata(Map.of("gapwise_tier", "routine")));
        assertThat(decision.tier()).isEqualTo("critical");
        assertThat(decision.tierSource()).isEqualTo(TierSource.API_KEY);
        assertThat(decision.reasons()).anyMatch(r -> r.contains("header x-gapwise-tier: routine asked for routine; "
                + "a request is never lowered"));
    }

    @Test
    void aDeclaredTierCannotLowerTheClassifiersVerdict() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of(CRISIS).withHeaders(Map.of("x-gapwise-tier", "routine")));
        assertThat(decision.tier()).isEqualTo("critical");
        assertThat(decision.tierSource()).isEqualTo(TierSource.CLASSIFIER);
    }

    @Test
    void aDeclaredTierRaisesARoutineRequest() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of("tell me a joke")
                .withHeaders(Map.of("x-gapwise-tier", "elevated")));
        assertThat(decision.tier()).isEqualTo("elevated");
        assertThat(decision.tierSource()).isEqualTo(TierSource.HEADER);
    }

    @Test
    void aFixedKeyTierIsFinalAndTheOverruledVerdictIsNoted() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of(CRISIS)
                .withKeyTier(new RouteRequest.KeyTier("routine", true)));
        assertThat(decision.tier()).isEqualTo("routine");
        assertThat(decision.tierSource()).isEqualTo(TierSource.API_KEY);
        assertThat(decision.tierReason()).contains("fixed");
        assertThat(decision.reasons()).anyMatch(r -> r.contains("the key's tier is fixed"));
    }

    @Test
    void aRaisedRequestKeepsItsKeysConstraints() throws Exception {
        Policy policy = PolicyParser.parse(new ObjectMapper().readTree("""
                {"tiers": {"critical": {"max_lag_months": 5, "objective": "cheapest"},
                           "eu-routine": {"jurisdictions": ["EU"], "objective": "cheapest"}},
                 "classifier": {"high_stakes": "critical"},
                 "default_tier": "eu-routine"}"""));
        Router router = new Router(policy, TestCatalog.catalog(), TestCatalog.lags(), CLASSIFIERS);
        RouteDecision decision = router.route(RouteRequest.of(CRISIS).withApiKeyTier("eu-routine"));
        assertThat(decision.tier()).isEqualTo("critical");
        // critical alone would take the cheapest within 5 months (open-cn@maker in CN); the key keeps it in the EU
        assertThat(decision.ordered()).extracting(d -> d.id()).containsExactly("open-cn@eu-host");
        assertThat(decision.candidates()).filteredOn(c -> c.deployment().id().equals("open-cn@maker")).singleElement()
                .satisfies(c -> assertThat(c.checks()).anyMatch(k -> k.startsWith("key tier eu-routine: runs in CN")));
    }

    @Test
    void aTierSettledAtTheTopDoesNotAskTheSecondOpinion() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        dev.gapwise.routing.classify.SecondOpinion opinion = new dev.gapwise.routing.classify.SecondOpinion() {
            @Override
            public Verdict assess(dev.gapwise.routing.classify.RequestText text, double fast) {
                asked.add(text.instruction());
                return new Verdict(0.0, "medical", 0.5);
            }

            @Override
            public double bandLow() {
                return 0;
            }

            @Override
            public double bandHigh() {
                return 1;
            }

            @Override
            public String describe() {
                return "recording opinion";
            }
        };
        Router router = new Router(Policy.builtIn(), TestCatalog.catalog(), TestCatalog.lags(),
                CLASSIFIERS.withSecondOpinion(opinion));
        router.route(RouteRequest.of("tell me a joke").withApiKeyTier("critical"));
        router.route(RouteRequest.of("tell me a joke").withHeaders(Map.of("x-gapwise-tier", "critical")));
        assertThat(asked).isEmpty();
        router.route(RouteRequest.of("tell me a joke"));
        assertThat(asked).containsExactly("tell me a joke");
    }

    @Test
    void systemPromptMarkerRuleDecidesBeforeTheClassifier() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of("summarise this note")
                .withSystemPrompt("You assist clinicians. Follow HIPAA."));
        assertThat(decision.tier()).isEqualTo("critical");
        assertThat(decision.tierSource()).isEqualTo(TierSource.RULE);
        assertThat(decision.tierReason()).contains("HIPAA");
    }

    @Test
    void unknownDeclaredTierIsIgnoredWithAReason() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of("tell me a joke")
                .withHeaders(Map.of("x-gapwise-tier", "platinum")));
        assertThat(decision.tierSource()).isNotEqualTo(TierSource.HEADER);
        assertThat(decision.reasons()).anyMatch(r -> r.contains("platinum"));
    }

    @Test
    void jurisdictionAndOriginRulesExcludeDeploymentsWithReasons() throws Exception {
        Policy policy = PolicyParser.parse(new ObjectMapper().readTree("""
                {"tiers": {"eu": {"jurisdictions": ["EU"], "objective": "cheapest"},
                           "us-made": {"origin_countries": ["US"], "max_output_price": 5, "objective": "best_quality"}},
                 "rules": [{"when": {"metadata": {"region": "eu"}}, "tier": "eu"}],
                 "default_tier": "us-made"}"""));
        Router router = new Router(policy, TestCatalog.catalog(), TestCatalog.lags(), CLASSIFIERS);
        RouteDecision eu = router.route(RouteRequest.of("hello").withMetadata(Map.of("region", "eu")));
        assertThat(eu.ordered()).extracting(d -> d.id()).containsExactly("open-cn@eu-host");
        assertThat(eu.candidates()).filteredOn(c -> c.deployment().id().equals("open-cn@maker"))
                .singleElement().satisfies(c -> assertThat(c.checks()).anyMatch(s -> s.contains("runs in CN, not in")));
        RouteDecision us = router.route(RouteRequest.of("hello"));
        // best quality among US-made under the output price cap: mini-x (7 months) before open-us (14)
        assertThat(us.ordered()).extracting(d -> d.id()).containsExactly("mini-x@vendor", "open-us@host");
    }

    @Test
    void unknownLagsMakeLagCappedTiersEmptyAndSaySo() {
        Router router = new Router(Policy.builtIn(), TestCatalog.catalog(), ModelLags.none(), CLASSIFIERS);
        RouteDecision decision = router.route(RouteRequest.of("what dose of amoxicillin for a child?"));
        assertThat(decision.tier()).isEqualTo("critical");
        assertThat(decision.chosen()).isEmpty();
        assertThat(decision.reasons()).anyMatch(r -> r.contains("no deployment satisfies"));
        assertThat(decision.headerSummary()).contains("chose=none");
    }

    @Test
    void headerSummaryIsOneAsciiLine() {
        String header = DEFAULT.route(RouteRequest.of("naïve café question — ok?")).headerSummary();
        assertThat(header).doesNotContain("\n").matches("[\\x20-\\x7E]+");
        assertThat(header).startsWith("tier=");
    }

    @Test
    void elevatedTierUsesTheQualityRouterAndExplainsIt() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of("tell me a joke").withApiKeyTier("elevated"));
        assertThat(decision.reasons()).anyMatch(r -> r.startsWith("quality router"));
        assertThat(decision.objective()).startsWith("quality router:");
    }
}
