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
        for (var slice : ClassifierTraining.ROUTINE_SLICES.entrySet()) {
            Proportion escalated = ClassifierTraining.rate(risk, corpus, slice.getValue(), false);
            if (slice.getKey().equals("banking77+clinc150")) {
                routine = escalated;
            }
            rows.add(List.of("escalated, " + slice.getKey(), escalated.toString(), "—"));
        }
        out.table(List.of("measure (test split)", "as written", "chat-style"), rows);
        out.paragraph("Routine rows: Banking77 + CLINC150 is the target; CLINC150 small talk, intent requests of one "
                + "or two words and real users' tasks (Arena-Hard, MT-Bench) are the everyday chat a gateway sees; exam "
                + "questions in other subjects look like the exam-style high-stakes training data and are escalated "
                + "most. The model is trained with the bare chat wrappers (\"hi!\", \"thx\") as routine examples and with "
                + "fixed shares of the routine weight for small talk and users' tasks (`TrainingExamples`).");
        out.paragraph("Caveat: the term list was first pruned by looking at which Banking77/CLINC150 test requests it "
                + "matched (401k, vaccines, \"investigate\", the name Sue); that escalation number is therefore "
                + "optimistic by up to the ~44 requests those terms had added. The lay words added later (symptoms, "
                + "\"legal\", \"fired\", \"lease\", …) were checked on the train and validation splits only. The "
                + "model-only numbers are printed by `gapwise train`. The chat-style rows rewrite exam questions; real "
                + "first-person questions (\"my blood sugar is 300, is that dangerous?\") are caught mostly by the term "
                + "list, and often missed: see docs/routing.md, \"What the risk gate misses\".");
        out.heading(3, "Complexity (fast path)");
        out.paragraph("Labels: Banking77/CLINC150 low; MMLU, MMLU-Pro, GSM8K and creative writing (Arena-Hard "
                + "`creative_writing`, MT-Bench writing and roleplay) medium; the other Arena-Hard and MT-Bench prompts "
                + "high. Predicted: the level a one-turn request without tools gets, so the short-prompt rule (under "
                + "the fitted number of characters, no code block: at most medium) and the long-prompt rule count.");
        out.line("```");
        ClassifierTraining.complexityReport(complexity, corpus).forEach(out::line);
        out.line("```");
        out.line("");
        return new Result(target, routine);
    }
}
