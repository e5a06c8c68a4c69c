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

    /** Regression: "Write a two-line birthday email for a customer named Ana" was high, and went to a frontier model. */
    @Test
    void templatedEmailsAndRoutineWritingAreLow() {
        for (String prompt : new String[] {"Write a two-line birthday email for a customer named Ana",
                "Draft a follow-up email to a lead who downloaded our pricing guide",
                "remind our patients the clinic is closed on Thursday", "write a birthday message for my sister"}) {
            assertThat(COMPLEXITY.assess(prompt).complexity()).as(prompt).isEqualTo(Complexity.LOW);
        }
    }

    /** Length alone never makes a request hard: summarising a long pasted text is routine work. */
    @Test
    void aLongPastedTextToSummariseIsNotHigh() {
        String text = "Summarize these meeting notes:\n\n" + "The meeting covered budgets and hiring. ".repeat(300);
        assertThat(COMPLEXITY.assess(RequestText.of(text), 1, false).complexity()).isNotEqualTo(Complexity.HIGH);
    }

    @Test
    void aShortInstructionIsAtMostMediumWhateverTheWordsSay() {
        ComplexityAssessment assessment = COMPLEXITY.assess("prove P != NP");
        assertThat(assessment.complexity()).isNotEqualTo(Complexity.HIGH);
    }

    @Test
    void toolsAndManyTurnsRaiseALowRequestToMedium() {
        RequestText text = RequestText.of("what's the weather in paris");
        ComplexityAssessment withTools = COMPLEXITY.assess(text, 1, true);
        assertThat(withTools.fromText()).isEqualTo(Complexity.LOW);
        assertThat(withTools.complexity()).isEqualTo(Complexity.MEDIUM);
        assertThat(withTools.reason()).contains("tools");
        assertThat(COMPLEXITY.assess(text, 4, false).complexity()).isEqualTo(Complexity.MEDIUM);
    }
}
