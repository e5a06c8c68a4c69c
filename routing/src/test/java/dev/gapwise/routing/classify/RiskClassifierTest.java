package dev.gapwise.routing.classify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the risk gate combines its signals: crisis terms in the instruction, the fast model, and the second opinion in
 * the fast model's unsure band. (What the shipped gate decides on real wording is pinned in routing-embedding's
 * tests, where the whole shipped gate is assembled.)
 */
class RiskClassifierTest {
    private static final RiskClassifier FAST = RiskClassifier.bundled();

    /** A second opinion that records what it was asked and answers a fixed probability. */
    private static final class FixedOpinion implements SecondOpinion {
        final List<String> asked = new ArrayList<>();
        private final double answer;

        FixedOpinion(double answer) {
            this.answer = answer;
        }

        @Override
        public Verdict assess(RequestText text, double fastProbability) {
            asked.add(text.instruction());
            return new Verdict(answer, "medical", 0.5);
        }

        @Override
        public double bandLow() {
            return 0.0;
        }

        @Override
        public double bandHigh() {
            return 1.0;
        }

        @Override
        public String describe() {
            return "fixed test opinion";
        }
    }

    @Test
    void aCrisisTermInTheInstructionDecidesAtOnce() {
        RiskAssessment verdict = FAST.assess("i think my mom is having a stroke, her face is drooping");
        assertThat(verdict.highStakes()).isTrue();
        assertThat(verdict.decidedBy()).isEqualTo(RiskAssessment.DecidedBy.TERM);
        assertThat(verdict.reason()).isEqualTo("medical: crisis term 'stroke'");
    }

    @Test
    void aCrisisTermInPastedTextDoesNotDecide() {
        RiskAssessment verdict = FAST.assess("Translate this into Spanish:\n\nIf you have chest pain, call 911.");
        assertThat(verdict.decidedBy()).isNotEqualTo(RiskAssessment.DecidedBy.TERM);
    }

    @Test
    void theSecondOpinionDecidesInsideItsBandAndSaysSo() {
        FixedOpinion opinion = new FixedOpinion(0.9);
        RiskAssessment verdict = FAST.withSecondOpinion(opinion).assess("what should i do about this rash");
        assertThat(opinion.asked).containsExactly("what should i do about this rash");
        assertThat(verdict.decidedBy()).isEqualTo(RiskAssessment.DecidedBy.SECOND_OPINION);
        assertThat(verdict.highStakes()).isTrue();
        assertThat(verdict.reason()).contains("fixed test opinion").contains("fast model unsure");
    }

    @Test
    void theSecondOpinionIsNotAskedWhenATermDecides() {
        FixedOpinion opinion = new FixedOpinion(0.0);
        RiskAssessment verdict = FAST.withSecondOpinion(opinion).assess("my son swallowed a battery");
        assertThat(opinion.asked).isEmpty();
        assertThat(verdict.highStakes()).isTrue();
    }

    @Test
    void decidesTheSameInUpperAndLowerCase() {
        String prompt = "Can my landlord keep my security deposit if I moved out two weeks early?";
        assertThat(FAST.assess(prompt.toLowerCase(Locale.ROOT)).highStakes()).isEqualTo(FAST.assess(prompt).highStakes());
    }

    @Test
    void namesTheWordsThatWeighedMost() {
        RequestText text = RequestText.of("can my landlord keep my security deposit");
        RiskAssessment verdict = FAST.assess(text);
        List<RiskClassifier.WordWeight> words = FAST.weightiestWords(text, verdict, 3);
        assertThat(words).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(words.getFirst().weight()).isGreaterThan(words.getLast().weight() - 1e-9);
    }
}
