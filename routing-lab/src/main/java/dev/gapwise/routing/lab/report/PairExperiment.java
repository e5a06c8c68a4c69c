package dev.gapwise.routing.lab.report;

import dev.gapwise.routing.classify.RiskClassifier;
import dev.gapwise.routing.lab.data.OutcomeTable;
import dev.gapwise.routing.lab.data.PairOutcomes;
import dev.gapwise.routing.lab.data.Split;
import dev.gapwise.routing.lab.eval.Baselines;
import dev.gapwise.routing.lab.eval.CurveSummary;
import dev.gapwise.routing.lab.eval.GroupPrior;
import dev.gapwise.routing.lab.eval.PairedBootstrap;
import dev.gapwise.routing.lab.eval.QualityCurve;
import dev.gapwise.routing.lab.quality.PairRouter;
import dev.gapwise.routing.quality.QualityRouter;
import dev.gapwise.routing.lab.train.QualityTraining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One strong-vs-weak dataset through the protocol: learned routers trained on the train split and tuned on
 * validation, every baseline and the learned routers scored once on test, paired bootstrap against the category
 * prior and random, the "never below random" check, and the operating point for 95 % of strong quality chosen on
 * validation with its false-cheap and unnecessary-escalation rates on test.
 *
 * @param name      section title
 * @param pair      all prompts of the pair (decontaminated, sampled)
 * @param table     the whole outcome table, for the difficulty scorer (null when it has only the pair)
 * @param range     score range for soft labels
 * @param trainedOn the sentence stating the training data
 */
record PairExperiment(String name, PairOutcomes pair, OutcomeTable table, double[] range, String trainedOn) {

    /** The numbers the summary needs. */
    record Result(String name, int testSize, double learnedApgr, double priorApgr, PairedBootstrap.Interval versusPrior,
                  double worstVersusRandom, boolean cptNeverWorseThanRandom, Map<String, QualityCurve> curves) {
    }

    Result run(Markdown out, RiskClassifier risk, QualityRouter shipped, int reps, Consumer<String> progress) {
        progress.accept(name + ": " + pair.size() + " prompts");
        PairOutcomes train = pair.filter(r -> r.split() == Split.TRAIN);
        PairOutcomes validation = pair.filter(r -> r.split() == Split.VALIDATION);
        PairOutcomes test = pair.filter(r -> r.split() == Split.TEST);
        boolean hasGroups = pair.rows().stream().anyMatch(r -> !r.group().isEmpty());

        PairRouter textOnly = PairRouter.train(train, validation, table, false, range, progress);
        PairRouter withGroup = hasGroups ? PairRouter.train(train, validation, table, true, range, progress) : null;
        PairRouter chosen = textOnly;
        if (withGroup != null && QualityCurve.of(validation, withGroup.score(validation)).apgr()
                > QualityCurve.of(validation, textOnly.score(validation)).apgr()) {
            chosen = withGroup;
        }
        double[] prior = GroupPrior.fit(pair.filter(r -> r.split() != Split.TEST)).score(test);
        double[] learned = chosen.score(test);

        Map<String, double[]> scores = new LinkedHashMap<>();
        if (hasGroups) {
            scores.put("category prior (fit on train+validation)", prior);
        }
        scores.put("prompt length", Baselines.promptLength(test));
        scores.put("risk policy only (high-stakes to strong)", riskOnly(test, risk));
        scores.put("learned, text only (" + textOnly.describe() + ")", textOnly.score(test));
        if (withGroup != null) {
            scores.put("learned, text + category (" + withGroup.describe() + ")", withGroup.score(test));
        }
        if (shipped != null) {
            scores.put("shipped quality router (gapwise train)", QualityTraining.gains(shipped, test));
        }
        scores.put("oracle", Baselines.oracle(test));

        Map<String, QualityCurve> curves = new LinkedHashMap<>();
        curves.put("random (expected)", QualityCurve.random(test));
        scores.forEach((router, s) -> curves.put(router, QualityCurve.of(test, s)));

        out.heading(3, name);
        out.paragraph(String.format("Test split: %d prompts (train %d, validation %d). q_w = %.3f, q_s = %.3f. %s",
                test.size(), train.size(), validation.size(), test.weakQuality(), test.strongQuality(), trainedOn));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("always weak", "0.000", "—", "—", "—", "0.0 %"));
        rows.add(List.of("always strong", "1.000", "100.0 %", "100.0 %", "100.0 %", "100.0 %"));
        curves.forEach((router, curve) -> {
            CurveSummary s = CurveSummary.of(router, curve);
            rows.add(List.of(router, Markdown.number(s.apgr()), Markdown.percent(s.cpt50()),
                    Markdown.percent(s.cpt80()), Markdown.percent(s.cpt95()), Markdown.percent(s.calls95())));
        });
        out.table(List.of("router", "APGR", "CPT(50 %)", "CPT(80 %)", "CPT(95 %)", "strong calls for 95 % of q_s"), rows);
        out.paragraph(String.format("Best single model on this split: %s (%.3f). The learned router reported below "
                        + "is the variant with the higher validation APGR: **%s**.",
                test.strongQuality() >= test.weakQuality() ? "strong" : "weak",
                Math.max(test.strongQuality(), test.weakQuality()), chosen.describe()));

        progress.accept("  paired bootstrap (" + reps + " resamples)");
        PairedBootstrap.Interval versusPrior = PairedBootstrap.apgrDifference(test, learned,
                hasGroups ? prior : Baselines.promptLength(test), reps, 7);
        PairedBootstrap.Interval versusRandom = PairedBootstrap.apgrDifference(test, learned, null, reps, 11);
        QualityCurve learnedCurve = QualityCurve.of(test, learned);
        double worst = Double.POSITIVE_INFINITY;
        for (int g = 0; g <= QualityCurve.GRID; g++) {
            worst = Math.min(worst, learnedCurve.pgr(g) - (double) g / QualityCurve.GRID);
        }
        out.line(String.format("- Paired bootstrap (%d resamples, 95 %% interval) of APGR(learned) − APGR(%s): %s; "
                        + "share of resamples above 0: %.3f.", reps, hasGroups ? "category prior" : "prompt length",
                versusPrior, versusPrior.positive()));
        out.line(String.format("- APGR(learned) − APGR(random): %s.", versusRandom));
        boolean cptOk = true;
        for (double x : new double[] {0.5, 0.8, 0.95}) {
            cptOk &= learnedCurve.cpt(x).orElse(2) <= x + 1e-9;
        }
        out.line(String.format("- Never below random? CPT(50/80/95 %%) of the learned router %s random's (50/80/95 %%); "
                + "over the whole curve, min over c of PGR(c) − c = %+.3f.", cptOk ? "are all at or below" : "are NOT all "
                + "at or below", worst));
        operatingPoint(out, chosen.score(validation), validation, learned, test);
        out.line("");
        return new Result(name, test.size(), learnedCurve.apgr(), hasGroups ? curves.get("category prior (fit on train+validation)")
                .apgr() : Double.NaN, versusPrior, worst, cptOk, curves);
    }

    /** The threshold for 95 % of strong quality on validation, applied once to test. */
    static void operatingPoint(Markdown out, double[] validationScores, PairOutcomes validation, double[] testScores,
                               PairOutcomes test) {
        QualityCurve curve = QualityCurve.of(validation, validationScores);
        double share = curve.callsFor(0.95).orElse(1);
        double[] sorted = validationScores.clone();
        java.util.Arrays.sort(sorted);
        int strongCount = (int) Math.round(share * sorted.length);
        double threshold = strongCount == 0 ? Double.POSITIVE_INFINITY : sorted[sorted.length - strongCount];
        int routedStrong = 0;
        int strongOnly = 0;
        int falseCheap = 0;
        int unnecessary = 0;
        double quality = 0;
        for (int i = 0; i < test.size(); i++) {
            boolean strong = testScores[i] >= threshold;
            double gain = test.strong(i) - test.weak(i);
            quality += strong ? test.strong(i) : test.weak(i);
            if (strong) {
                routedStrong++;
                if (gain <= 0) {
                    unnecessary++;
                }
            }
            if (gain > 0) {
                strongOnly++;
                if (!strong) {
                    falseCheap++;
                }
            }
        }
        out.line(String.format("- Operating point fitted on validation for 95 %% of strong quality (%.1f %% strong "
                        + "calls there), applied to test: %.1f %% strong calls, quality %.1f %% of strong; "
                        + "false-cheap rate %.3f (%d of %d prompts only the strong model gets right were sent to the "
                        + "weak one); unnecessary escalations %.3f of strong calls (%d of %d).", share * 100,
                100.0 * routedStrong / test.size(), 100 * quality / test.size() / test.strongQuality(),
                (double) falseCheap / Math.max(1, strongOnly), falseCheap, strongOnly,
                (double) unnecessary / Math.max(1, routedStrong), unnecessary, routedStrong));
    }

    static double[] riskOnly(PairOutcomes test, RiskClassifier risk) {
        double[] scores = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            scores[i] = risk.assess(test.row(i).text()).highStakes() ? 1 : 0;
        }
        return scores;
    }
}
