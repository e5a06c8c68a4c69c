package dev.gapwise.routing.embedding;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Model;
import dev.gapwise.routing.Candidate;
import dev.gapwise.routing.RouteDecision;
import dev.gapwise.routing.RouteRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mission's routing table as golden tests, one per row, each with differently worded requests, through the
 * shipped router (built-in policy, bundled catalog): complex legal or financial reasoning and healthcare inference
 * go to a frontier closed model; routine CRM work and templated emails to an open-weight or the cheapest
 * deployment; everyday productivity to the cheapest eligible deployment, and hard general work to the elevated
 * tier, where the quality router chooses; small talk to the cheapest.
 */
class MissionRoutingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "My business partner and I each own 50% of an LLC in Texas with no operating agreement. He wants to sell "
                    + "the company's only property without my consent. Can he, and what are my options before closing?",
            "we got a demand letter saying our logo infringes their trademark, they want $40k or they sue. we've used "
                    + "it since 2019 and they registered in 2021. do we have to pay?",
            "I'm 52 with $410k in a 401k and $60k in a taxable account. Should I do Roth conversions before I retire "
                    + "at 58, given I expect a pension of $30k a year and we live in California?",
            "should we finance the new warehouse with a 7-year SBA loan at 9% or lease it? revenue is $3M, margins 12%",
            "Review this clause of my employment contract and tell me if the non-compete is enforceable in "
                    + "Massachusetts: \"Employee shall not work for any competitor worldwide for 3 years.\""})
    void complexLegalAndFinancialReasoningGoesToAFrontierClosedModel(String prompt) {
        assertFrontierClosed(ShippedRouter.ROUTER.route(RouteRequest.of(prompt)), prompt);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "72-year-old on apixaban and amiodarone, new atrial flutter, eGFR 28. Dose adjustment?",
            "my daughter is 4 and has had a fever of 40C for three days, now a rash on her hands and red eyes",
            "Patient with type 2 diabetes, A1C 9.1 on metformin 2g, BMI 36, history of pancreatitis. Next agent?",
            "been on sertraline 100mg for a year, want to stop, can i just quit cold turkey",
            "what do these results mean: TSH 8.9, free T4 0.7, I've been exhausted and gaining weight"})
    void healthcareInferenceAndClinicalSupportGoToAFrontierClosedModel(String prompt) {
        assertFrontierClosed(ShippedRouter.ROUTER.route(RouteRequest.of(prompt)), prompt);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Write a two-line birthday email for a customer named Ana",
            "Draft a follow-up email to a lead who downloaded our pricing guide",
            "update the contact Marcus Lee in the CRM: new phone 555-0142, stage = proposal sent",
            "log a call with Dana from Brightline, discussed renewal, follow up next Tuesday",
            "write a reminder email to clients that their invoices are due on the 30th, friendly tone",
            "Remind our patients the clinic is closed on Thursday for staff training"})
    void routineCrmTasksAndTemplatedEmailsGoToAnOpenWeightOrTheCheapestDeployment(String prompt) {
        RouteDecision decision = ShippedRouter.ROUTER.route(RouteRequest.of(prompt));
        assertThat(decision.tier()).as(prompt + ": " + decision.tierReason()).isEqualTo("routine");
        Deployment chosen = decision.chosen().orElseThrow();
        assertThat(access(chosen) == Access.OPEN || chosen.equals(cheapestEligible(decision)))
                .as(prompt + " -> " + chosen.id()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Summarize these meeting notes in five bullets: we agreed to move the launch to May, Priya owns the "
                    + "pricing page, the API docs need a review, and support wants a FAQ before launch.",
            "turn this into a markdown table: apples 3, pears 5, plums 12",
            "Translate into Spanish: Our office will be closed on Monday for the holiday.",
            "write a cron line that runs a backup every weekday at 2:30am"})
    void everydayProductivityGoesToTheCheapestEligibleDeployment(String prompt) {
        RouteDecision decision = ShippedRouter.ROUTER.route(RouteRequest.of(prompt));
        assertThat(decision.tier()).as(prompt + ": " + decision.tierReason()).isEqualTo("routine");
        assertThat(decision.chosen().orElseThrow()).as(prompt).isEqualTo(cheapestEligible(decision));
    }

    /** Hard general work: the elevated tier, where the quality router picks between the cheapest and the best. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Write a Python program that implements a lock-free concurrent hash map with resizing, explain the "
                    + "memory ordering guarantees you rely on, and prove that lookups are linearizable.",
            "Prove that there are infinitely many primes of the form 4k+3, and then explain why the same argument "
                    + "fails for primes of the form 4k+1."})
    void hardGeneralWorkGoesToTheElevatedTierWhereTheQualityRouterChooses(String prompt) {
        RouteDecision decision = ShippedRouter.ROUTER.route(RouteRequest.of(prompt));
        assertThat(decision.tier()).as(prompt + ": " + decision.tierReason()).isEqualTo("elevated");
        assertThat(decision.objective()).as(prompt).startsWith("quality router");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi!", "thanks, that helps", "tell me a joke", "how's it going?", "good morning :)"})
    void smallTalkGoesToTheCheapest(String prompt) {
        RouteDecision decision = ShippedRouter.ROUTER.route(RouteRequest.of(prompt));
        assertThat(decision.tier()).as(prompt + ": " + decision.tierReason()).isEqualTo("routine");
        assertThat(decision.chosen().orElseThrow()).as(prompt).isEqualTo(cheapestEligible(decision));
    }

    private static void assertFrontierClosed(RouteDecision decision, String prompt) {
        assertThat(decision.tier()).as(prompt + ": " + decision.tierReason()).isEqualTo("critical");
        Deployment chosen = decision.chosen().orElseThrow();
        assertThat(access(chosen)).as(chosen.id()).isEqualTo(Access.CLOSED);
        Candidate candidate = decision.candidates().stream().filter(c -> c.deployment().equals(chosen)).findFirst()
                .orElseThrow();
        assertThat(candidate.lag().orElseThrow().months()).as(chosen.id()).isLessThanOrEqualTo(3.0);
    }

    private static Deployment cheapestEligible(RouteDecision decision) {
        return decision.candidates().stream().filter(Candidate::eligible)
                .min(Comparator.comparing(Candidate::estimatedCost).thenComparing(c -> c.deployment().id()))
                .orElseThrow().deployment();
    }

    private static Access access(Deployment deployment) {
        return ShippedRouter.CATALOG.datasets().stream().map(d -> d.model(deployment.modelId()))
                .flatMap(java.util.Optional::stream).map(Model::access).findFirst().orElse(Access.UNKNOWN);
    }
}
