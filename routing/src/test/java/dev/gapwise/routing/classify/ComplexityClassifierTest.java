package dev.gapwise.routing.classify;

import dev.gapwise.routing.Complexity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComplexityClassifierTest {
    private static final ComplexityClassifier COMPLEXITY = ComplexityClassifier.bundled();

    @Test
    void shortAssistantRequestsAreLow() {
        assertThat(COMPLEXITY.assess("set a timer for ten minutes").complexity()).isEqualTo(Complexity.LOW);
        assertThat(COMPLEXITY.assess("hey, when does my card arrive").complexity()).isEqualTo(Complexity.LOW);
    }

    @Test
    void hardCodingTasksAreHigh() {
        String prompt = "Write a Python program that implements a lock-free concurrent hash map with resizing, "
                + "explain the memory ordering guarantees you rely on, and prove that lookups are linearizable.";
        assertThat(COMPLEXITY.assess(prompt).complexity()).isEqualTo(Complexity.HIGH);
    }

    /** Regression: "write a haiku about autumn" was high, because Arena-Hard labels creative writing hard. */
    @Test
    void shortCreativeRequestsAndGreetingsAreNotHigh() {
        for (String prompt : new String[] {"write a haiku about autumn", "Say hello", "hi!", "write a short poem about the sea",
                "give me three names for a cat", "write a birthday message for my sister"}) {
            assertThat(COMPLEXITY.assess(prompt).complexity()).as(prompt).isNotEqualTo(Complexity.HIGH);
        }
    }

    @Test
    void aShortPromptIsAtMostMediumWhateverTheWordsSay() {
        ComplexityAssessment assessment = COMPLEXITY.assess("write a program to play connect-4");
        assertThat(assessment.fromText()).isEqualTo(Complexity.HIGH);
        assertThat(assessment.complexity()).isEqualTo(Complexity.MEDIUM);
        assertThat(assessment.reason()).contains("lowered to medium: 33 chars");
    }

    @Test
    void toolsAndManyTurnsRaiseALowRequestToMedium() {
        String text = "what's the weather in paris";
        ComplexityAssessment withTools = COMPLEXITY.assess(text, TextFeatures.of(text), 1, true);
        assertThat(withTools.fromText()).isEqualTo(Complexity.LOW);
        assertThat(withTools.complexity()).isEqualTo(Complexity.MEDIUM);
        assertThat(withTools.reason()).contains("tools");
        assertThat(COMPLEXITY.assess(text, TextFeatures.of(text), 4, false).complexity()).isEqualTo(Complexity.MEDIUM);
    }

    @Test
    void aVeryLongPromptIsHigh() {
        String text = "please summarise the following notes. " + "the meeting covered budgets and hiring. ".repeat(200);
        assertThat(COMPLEXITY.assess(text, TextFeatures.of(text), 1, false).complexity()).isEqualTo(Complexity.HIGH);
    }
}
