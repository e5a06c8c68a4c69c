package dev.gapwise.routing.report;

import java.util.ArrayList;
import java.util.List;

/** The targets next to the measured numbers, met or missed by how much. */
final class TargetsSection {
    private TargetsSection() {
    }

    static void write(Markdown out, RiskGateSection.Result gate, List<PairExperiment.Result> results,
                      double mtBenchCrossFitted) {
        out.heading(2, "7. Targets");
        List<List<String>> rows = new ArrayList<>();
        double recall = gate.legalMedicalRecall().value();
        rows.add(List.of("risk-gate recall, held-out legal + medical", "≥ 0.98",
                gate.legalMedicalRecall().toString(), verdict(recall - 0.98)));
        double escalated = gate.routineEscalation().value();
        rows.add(List.of("Banking77 + CLINC150 test requests escalated", "≤ 5 %",
                gate.routineEscalation().toString(), verdict(0.05 - escalated)));
        double[] bars = {0.68, Double.NaN, 0.80, 0.62};
        String[] barNames = {"subject prior 0.68", "prompt length (no target)", "RouteLLM published 0.80",
                "src prior 0.62"};
        for (int i = 0; i < results.size(); i++) {
            PairExperiment.Result r = results.get(i);
            String measured = String.format("learned %.3f; same-split prior %s; Δ vs prior/length %s", r.learnedApgr(),
                    Double.isNaN(r.priorApgr()) ? "—" : Markdown.number(r.priorApgr()), r.versusPrior());
            String verdict = Double.isNaN(bars[i]) ? "—" : verdict(r.learnedApgr() - bars[i]);
            if (r.testSize() < 50) {
                verdict += "; only " + r.testSize() + " test questions: not meaningful, see the cross-fitted row";
            } else if (!Double.isNaN(r.priorApgr())) {
                verdict += r.versusPrior().lower() > 0 ? "; significantly above the same-split prior"
                        : "; not significantly different from the same-split prior (interval includes 0)";
            }
            rows.add(List.of("APGR, " + r.name(), Double.isNaN(bars[i]) ? "—" : "> " + barNames[i], measured,
                    verdict));
            rows.add(List.of("never below random at any CPT, " + r.name(), "CPT(x) ≤ x for x = 50, 80, 95 %",
                    String.format("%s (min PGR(c) − c over the curve %+.3f)", r.cptNeverWorseThanRandom() ? "yes" : "no",
                            r.worstVersusRandom()), r.cptNeverWorseThanRandom() ? "met" : "**missed**"));
        }
        rows.add(List.of("APGR, MT-Bench cross-fitted over all 72 questions", "> RouteLLM published 0.80",
                Markdown.number(mtBenchCrossFitted), verdict(mtBenchCrossFitted - 0.80)));
        rows.add(List.of("decision latency, fast path", "p99 ≤ 50 µs (JMH)", "see docs/benchmarks.md, section Routing",
                "—"));
        out.table(List.of("target", "bar", "measured (test split)", "verdict"), rows);
        PairExperiment.Result mmluPro = results.get(results.size() - 1);
        out.paragraph(String.format("Why the misses. **MT-Bench**: 72 decontaminated questions are all the MT-Bench "
                + "outcome data there is here; RouteLLM's 0.80 came from routers trained on tens of thousands of Chatbot "
                + "Arena battles and GPT-4-judged prompts, which are not in shared/data, while each cross-fitted fold of "
                + "ours learns from about 58 questions; the 15-question test split is noise either way. **MMLU-Pro**: "
                + "the bar 0.62 is the src prior cross-fitted on the whole file; on the test split the same prior (fit "
                + "on train + validation) scores %.3f and the learned router %.3f, so per-prompt text adds nothing "
                + "measurable over the src category for this pair. **MMLU**: the bar is met, but the margin over the "
                + "same-split subject prior is inside the bootstrap interval — as for RouteLLM's published routers, "
                + "text features barely beat a per-subject prior. The transfer table shows how little a text router "
                + "generalises: trained on GPT-4/Mixtral MMLU labels it scores below random on MMLU-Pro pairs.",
                mmluPro.priorApgr(), mmluPro.learnedApgr()));
    }

    private static String verdict(double margin) {
        return margin >= 0 ? String.format("met (margin %+.3f)", margin) : String.format("**missed by %.3f**", -margin);
    }
}
