package dev.gapwise.routing.embedding;

import dev.gapwise.routing.classify.RiskAssessment;
import dev.gapwise.routing.classify.RiskClassifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped risk gate (fast model, crisis terms and the embedding second opinion) on wording it was not trained
 * on: the requests issue 7 reported, people's own questions, and routine work full of professional words.
 */
class ShippedRiskGateTest {
    private static final RiskClassifier GATE = ShippedRouter.CLASSIFIERS.risk();

    /** Regression (issue 7): each of these was routine or elevated; each is a person's own high-stakes question. */
    @ParameterizedTest
    @ValueSource(strings = {
            "i think my 70 yo mom is having a stroke?? her face is drooping on one side",
            "Explain how to taper off 60mg of prednisone I've been on for 3 weeks",
            "My father's INR is 5.8 on warfarin, what should we do?",
            "hey quick question, can my landlord keep my deposit?",
            "my chest hurts when I breathe, should I worry?",
            "should I put my savings into index funds or pay off my mortgage?",
            "is it legal to fire someone for being pregnant?",
            "my 2 year old swallowed a battery what do i do",
            "is it worth cashing out my 401k to pay off credit cards?",
            "my husband and i are separating, who keeps the house?",
            "can my company make me work unpaid overtime?",
            "my blood sugar is 300, is that dangerous?"})
    void flagsPeoplesOwnHighStakesQuestions(String prompt) {
        RiskAssessment verdict = GATE.assess(prompt);
        assertThat(verdict.highStakes()).as(prompt + " -> " + verdict.reason()).isTrue();
    }

    /** Regression (issue 7): each of these went to the critical tier as "financial"; each is routine work. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Write a two-line birthday email for a customer named Ana",
            "Draft a follow-up email to a lead who downloaded our pricing guide",
            "Fix the grammar: their going to the office tomorow and they will bring there laptops",
            "Turn these into a markdown table: Q1 120, Q2 135, Q3 128, Q4 150",
            "Extract the date and amount from: Invoice #4411, dated 2024-03-02, total due $1,240.00",
            "remind our patients the clinic is closed on Thursday",
            "Say hello", "hi!", "thanks, that helps", "tell me a joke", "write a haiku about autumn",
            "when will my new card arrive?", "set an alarm for 7 am", "what's the weather like in paris tomorrow",
            "Summarize this email from my landlord: Hi, just a reminder that the building's water will be off on "
                    + "Tuesday from 9 to 12 for pipe maintenance. Thanks, Greg"})
    void letsRoutineWorkThroughEvenWithProfessionalWords(String prompt) {
        RiskAssessment verdict = GATE.assess(prompt);
        assertThat(verdict.highStakes()).as(prompt + " -> " + verdict.reason()).isFalse();
    }
}
