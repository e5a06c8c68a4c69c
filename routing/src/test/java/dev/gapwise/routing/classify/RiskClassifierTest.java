package dev.gapwise.routing.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled risk model on chat-style text: lower case, typos, "hey quick question" wrappers. */
class RiskClassifierTest {
    private static final RiskClassifier RISK = RiskClassifier.bundled();

    @ParameterizedTest
    @ValueSource(strings = {
            "hey quick question, my mom takes warfarin, is it ok to give her ibuprofen for back pain?",
            "what dose of amoxicillin should a child with an ear infection get",
            "wht are the side efects of metformin at a high dose",
            "Patient presents with chest pain radiating to the left arm and shortness of breath. Next step?",
            "can my landlord keep my security deposit if i moved out two weeks early?",
            "hi! is a verbal contract legally binding in california, my contractor says it isnt",
            "my employer didnt pay overtime, can i sue them and what are my chances",
            "Which section of the statute governs adverse possession claims against the state?"})
    void flagsClinicalAndLegalQuestionsWrittenLikeChat(String prompt) {
        assertThat(RISK.assess(prompt).highStakes()).as(prompt).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "when will my new card arrive?",
            "hey quick question, why was i charged a fee for my transfer",
            "what's the exchange rate for euros today",
            "set an alarm for 7 am",
            "tell me a joke",
            "what's the weather like in paris tomorrow",
            "how do i change my pin",
            "add milk and eggs to my shopping list"})
    void letsRoutineBankingAndAssistantRequestsThrough(String prompt) {
        assertThat(RISK.assess(prompt).highStakes()).as(prompt).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Can my landlord keep my security deposit if I moved out two weeks early?",
            "What dose of amoxicillin should a child with an ear infection get?"})
    void decidesTheSameInUpperAndLowerCase(String prompt) {
        assertThat(RISK.assess(prompt.toLowerCase(Locale.ROOT)).highStakes())
                .isEqualTo(RISK.assess(prompt).highStakes())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Can my landlord keep my security deposit if I moved out two weeks early?",
            "What dose of amoxicillin should a child with an ear infection get?"})
    void survivesTyposAndWrappers(String prompt) {
        for (long seed = 0; seed < 5; seed++) {
            String chat = ChatStyle.rewrite(prompt, seed);
            assertThat(RISK.assess(chat).highStakes()).as(chat).isTrue();
        }
    }
}
