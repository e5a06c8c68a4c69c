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

    @Test
    void routesClinicalQuestionToFrontierTier() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of(
                "hey quick question, my dad takes warfarin, can he take ibuprofen for his knee?"));
        assertThat(decision.tier()).isEqualTo("critical");
        assertThat(decision.tierSource()).isEqualTo(TierSource.CLASSIFIER);
        assertThat(decision.tierReason()).contains("medical");
        // critical allows at most 3 months of lag: only the frontier model
        assertThat(decision.chosen().orElseThrow().id()).isEqualTo("frontier-x@vendor");
        assertThat(decision.candidates()).filteredOn(Candidate::eligible).hasSize(1);
    }

    /**
     * Regression: with the built-in policy, "Say hello" went to the critical tier (risk gate: medical, p=0.56) and
     * "write a haiku about autumn" was complexity high; an SDK pointed at the gateway was refused or sent to the
     * dearest model for small talk.
     */
    @Test
    void routesEverydayChatAsRoutine() {
        for (String prompt : new String[] {"Say hello", "hi!", "hello there, how are you?", "thanks, that helps",
                "write a haiku about autumn", "translate 'good morning' into French", "what's 2+2?",
                "give me three names for a cat", "turn this list into CSV: apples 3, pears 5"}) {
            RouteDecision decision = DEFAULT.route(RouteRequest.of(prompt));
            assertThat(decision.tier()).as(prompt + ": " + decision.tierReason()).isEqualTo("routine");
            assertThat(decision.tierSource()).as(prompt).isEqualTo(TierSource.DEFAULT);
            assertThat(decision.complexity()).as(prompt).isNotEqualTo(Complexity.HIGH);
            assertThat(decision.chosen().orElseThrow().id()).as(prompt).isEqualTo("open-us@host");
        }
        // not high-stakes either, but the complexity model still calls it high (see docs/routing.md, limits)
        RouteDecision summary = DEFAULT.route(RouteRequest.of("summarize this paragraph: The city council voted on "
                + "Tuesday to extend the bike lane on Main Street by two miles. Construction starts in spring and "
                + "should take about four months."));
        assertThat(summary.tier()).isNotEqualTo("critical");
        assertThat(summary.tierReason()).doesNotContainPattern("risk gate: (legal|medical|financial)");
    }

    @Test
    void routesChatStyleHighStakesQuestionsToTheCriticalTier() {
        for (String prompt : new String[] {"hey quick question, can my landlord keep my deposit?",
                "my chest hurts when I breathe, should I worry?",
                "should I put my savings into index funds or pay off my mortgage?",
                "is it legal to fire someone for being pregnant?"}) {
            RouteDecision decision = DEFAULT.route(RouteRequest.of(prompt));
            assertThat(decision.tier()).as(prompt).isEqualTo("critical");
            assertThat(decision.tierSource()).as(prompt).isEqualTo(TierSource.CLASSIFIER);
        }
    }

    @Test
    void routesCardArrivalQuestionToTheCheapestRoutineDeployment() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of("when will my new card arrive?"));
        assertThat(decision.tier()).isEqualTo("routine");
        assertThat(decision.tierSource()).isEqualTo(TierSource.DEFAULT);
        assertThat(decision.complexity()).isEqualTo(Complexity.LOW);
        assertThat(decision.chosen().orElseThrow().id()).isEqualTo("open-us@host");
        assertThat(decision.estimatedCost()).isLessThan(decision.baselineCost().orElseThrow());
        assertThat(decision.baseline().orElseThrow().id()).isEqualTo("frontier-x@vendor");
    }

    @Test
    void headerBeatsApiKeyRulesAndClassifier() {
        RouteRequest request = RouteRequest.of("can my landlord keep my security deposit?")
                .withHeaders(Map.of("X-Gapwise-Tier", "routine")).withApiKeyTier("elevated");
        RouteDecision decision = DEFAULT.route(request);
        assertThat(decision.tier()).isEqualTo("routine");
        assertThat(decision.tierSource()).isEqualTo(TierSource.HEADER);
        assertThat(decision.reasons()).anyMatch(r -> r.contains("risk gate flags this request"));
    }

    @Test
    void apiKeyDefaultTierIsUsedWhenNothingIsDeclared() {
        RouteDecision decision = DEFAULT.route(RouteRequest.of("tell me a joke").withApiKeyTier("elevated"));
        assertThat(decision.tier()).isEqualTo("elevated");
        assertThat(decision.tierSource()).isEqualTo(TierSource.API_KEY);
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
