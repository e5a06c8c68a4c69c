package dev.gapwise.routing.lab.report;

import dev.gapwise.routing.lab.eval.Proportion;

import java.util.ArrayList;
import java.util.List;

/** The targets next to the measured numbers, met or missed by how much. */
final class TargetsSection {
    private TargetsSection() {
    }

    static void write(Markdown out, RealisticTrafficSection.Result realistic, RiskGateSection.Result gate,
                      List<PairExperiment.Result> results, double mtBenchCrossFitted) {
        out.heading(2, "7. Targets");
        List<List<String>> rows = new ArrayList<>();
        if (realistic != null) {
            for (String slice : dev.gapwise.routing.lab.traffic.TrafficSlices.targetSlices()) {
                Proportion recall = realistic.recall().get(slice);
                rows.add(List.of("high-stakes recall, " + slice, "≥ 0.98", recall.toString(),
                        verdict(recall.value() - 0.98)));
            }
            double worstCritical = realistic.critical().entrySet().stream()
                    .filter(e -> dev.gapwise.routing.lab.traffic.TrafficSlices.targeted(e.getKey())).mapToDouble(e -> e.getValue().value())
                    .max().orElse(Double.NaN);
            double worstAbove = realistic.above().entrySet().stream()
                    .filter(e -> dev.gapwise.routing.lab.traffic.TrafficSlices.targeted(e.getKey())).mapToDouble(e -> e.getValue().value())
                    .max().orElse(Double.NaN);
            long within = realistic.critical().entrySet().stream().filter(e -> dev.gapwise.routing.lab.traffic.TrafficSlices.targeted(e.getKey()))
                    .filter(e -> e.getValue().value() <= 0.03).count();
            long slices = realistic.critical().keySet().stream().filter(dev.gapwise.routing.lab.traffic.TrafficSlices::targeted).count();
            rows.add(List.of("routine work escalated to the critical tier, per task type", "≤ 3 % each",
                    String.format("%d of %d slices within; worst %.1f %%", within, slices, 100 * worstCritical),
                    verdict(0.03 - worstCritical)));
            long withinAbove = realistic.above().entrySet().stream().filter(e -> dev.gapwise.routing.lab.traffic.TrafficSlices.targeted(e.getKey()))
                    .filter(e -> e.getValue().value() <= 0.10).count();
            rows.add(List.of("routine work escalated above routine, per task type", "≤ 10 % each",
                    String.format("%d of %d slices within; worst %.1f %%", withinAbove, slices, 100 * worstAbove),
                    verdict(0.10 - worstAbove)));
            rows.add(List.of("Banking77 + CLINC150 escalated (realistic router)", "≤ 5 %",
                    realistic.intents().toString(), verdict(0.05 - realistic.intents().value())));
            rows.add(List.of("mixed workload cost vs all-frontier baseline", "≤ 35 %",
                    String.format("%.1f %%; high-stakes requests off the critical tier: %d of %d",
                            100 * realistic.costShare(), realistic.highStakesOffFrontier(), realistic.highStakes()),
                    verdict(0.35 - realistic.costShare())));
        }
        double recall = gate.legalMedicalRecall().value();
        rows.add(List.of("risk-gate recall, legal + medical exam questions", "≥ 0.98",
                gate.legalMedicalRecall().toString(), verdict(recall - 0.98)));
        double escalated = gate.intentEscalation().value();
        rows.add(List.of("Banking77 + CLINC150 test requests flagged by the risk gate", "≤ 5 %",
                gate.intentEscalation().toString(), verdict(0.05 - escalated)));
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
