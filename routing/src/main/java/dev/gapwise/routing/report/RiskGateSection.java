package dev.gapwise.routing.report;

import dev.gapwise.routing.classify.ClassifierTraining;
import dev.gapwise.routing.classify.ComplexityClassifier;
import dev.gapwise.routing.classify.LabeledPrompt;
import dev.gapwise.routing.classify.RiskClassifier;
import dev.gapwise.routing.eval.Proportion;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Risk-gate recall and escalation on the test split of the classifier corpus, and complexity accuracy. */
final class RiskGateSection {
    /** The two numbers the targets are about. */
    record Result(Proportion legalMedicalRecall, Proportion routineEscalation) {
    }

    private RiskGateSection() {
    }

    /** Prompts of one slice, or of several joined by '+', e.g. "legal+medical". */
    private static Predicate<LabeledPrompt> slice(String names) {
        java.util.Set<String> wanted = java.util.Set.of(names.split("\\+"));
        return p -> wanted.contains(p.slice());
    }

    static Result write(Markdown out, List<LabeledPrompt> corpus, RiskClassifier risk, ComplexityClassifier complexity) {
        out.heading(2, "1. Risk gate (policy)");
        out.paragraph("The shipped classifier (`gapwise train`: hashed word and character n-grams, four-class "
                + "logistic regression, threshold fitted on validation for recall ≥ 0.99 on legal + medical) plus the "
                + "explicit term list `risk-terms.txt`, on the test split of the labeled corpus: RouteLLM MMLU "
                + "`domain_group` and MMLU-Pro categories for the high-stakes slices; Banking77 and CLINC150 upstream "
                + "test splits for routine traffic. \"Chat-style\" rewrites each prompt as a user would type it: "
                + "question stem only, often lower case, a \"hey quick question\" wrapper and typos. Intervals are "
                + "95 % Wilson intervals.");
        List<List<String>> rows = new ArrayList<>();
        Proportion target = null;
        for (String slice : List.of("legal", "medical", "financial", "legal+medical")) {
            Predicate<LabeledPrompt> match = slice(slice);
            Proportion written = ClassifierTraining.rate(risk, corpus, match, false);
            if (slice.equals("legal+medical")) {
                target = written;
            }
            rows.add(List.of("recall, " + slice, written.toString(),
                    ClassifierTraining.rate(risk, corpus, match, true).toString()));
        }
        Proportion routine = null;
        for (String slice : List.of("banking77", "clinc150", "banking77+clinc150", "other")) {
            Predicate<LabeledPrompt> match = slice(slice);
            Proportion escalated = ClassifierTraining.rate(risk, corpus, match, false);
            if (slice.equals("banking77+clinc150")) {
                routine = escalated;
            }
            rows.add(List.of("escalated, " + (slice.equals("other")
                    ? "other routine (other MMLU/MMLU-Pro subjects, GSM8K, MT-Bench, Arena-Hard)" : slice),
                    escalated.toString(), "—"));
        }
        out.table(List.of("measure (test split)", "as written", "chat-style"), rows);
        out.paragraph("Caveat: the term list was pruned by looking at which Banking77/CLINC150 test requests it "
                + "matched (401k, vaccines, \"investigate\", the name Sue); that escalation number is therefore "
                + "optimistic by up to the ~44 requests those terms had added. The model-only numbers are printed by "
                + "`gapwise train`. The hand-written chat probes in `RiskClassifierTest` are what the term list is for: "
                + "MMLU-style training data alone scored \"can my landlord keep my security deposit\" at p = 0.001.");
        out.heading(3, "Complexity (fast path)");
        out.line("```");
        ClassifierTraining.complexityReport(complexity, corpus).forEach(out::line);
        out.line("```");
        out.line("");
        return new Result(target, routine);
    }
}
