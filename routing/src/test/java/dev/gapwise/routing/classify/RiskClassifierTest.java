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

    /**
     * Regression: "Say hello" scored medical (p=0.56 >= 0.28) and went to the critical tier. A text of a few
     * neutral words scored the model's prior, which class balance put at 75 % high-stakes.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "Say hello", "hi!", "hello there, how are you?", "thanks, that helps", "hello", "hi", "hey", "Hello!",
            "good morning", "thank you!", "thx", "ok", "yes please", "cool, thanks a lot", "bye, have a nice day",
            "who are you?", "what can you do?", "how's it going?", "can you help me?", "test",
            "write a haiku about autumn", "translate 'good morning' into French", "what's 2+2?",
            "give me three names for a cat",
            "summarize this paragraph: The city council voted on Tuesday to extend the bike lane on Main Street by two "
                    + "miles. Construction starts in spring and should take about four months.",
            "turn this list into CSV: apples 3, pears 5", "write a short poem about the sea",
            "fix the grammar: me and him goes to school yesterday", "what's the capital of France?",
            "suggest a name for my bakery", "rewrite this more politely: send me the report now",
            "give me a recipe for pancakes", "explain what a black hole is in simple terms",
            "convert 5 miles to kilometers", "write a birthday message for my sister",
            "what does 'serendipity' mean?"})
    void shortGreetingIsNotHighStakes(String prompt) {
        RiskAssessment verdict = RISK.assess(prompt);
        assertThat(verdict.highStakes()).as(prompt + " -> " + verdict.reason()).isFalse();
    }

    /** The other side of the greeting fix: questions typed the same way about one's own health, rights or money. */
    @ParameterizedTest
    @ValueSource(strings = {
            "hey quick question, can my landlord keep my deposit?",
            "my chest hurts when I breathe, should I worry?",
            "should I put my savings into index funds or pay off my mortgage?",
            "is it legal to fire someone for being pregnant?",
            "can i sue my boss for not paying overtime?",
            "my baby has a fever of 39, what do i do",
            "can they evict me without notice?",
            "is it safe to take ibuprofen while pregnant?",
            "how should i invest 50k for retirement?"})
    void chatStyleHighStakesQuestionsStayHighStakes(String prompt) {
        RiskAssessment verdict = RISK.assess(prompt);
        assertThat(verdict.highStakes()).as(prompt + " -> " + verdict.reason()).isTrue();
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
