package dev.gapwise.routing.lab.train;

import dev.gapwise.routing.lab.quality.PairRouter;
import dev.gapwise.routing.quality.Knob;
import dev.gapwise.routing.quality.QualityRouter;

import dev.gapwise.routing.lab.data.OutcomeReaders;
import dev.gapwise.routing.lab.data.OutcomeRow;
import dev.gapwise.routing.lab.data.PairOutcomes;
import dev.gapwise.routing.lab.data.Split;
import dev.gapwise.routing.lab.eval.QualityCurve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains the shipped {@link QualityRouter}: GPT-4 vs Mixtral outcomes of RouteLLM MMLU, GSM8K and MT-Bench
 * (decontaminated; MT-Bench judge scores mapped from 1–10 to 0–1), text only because a live request has no MMLU
 * subject. Models on the train split, knob calibration on the validation split, one test-split line per dataset.
 */
public final class QualityTraining {
    private QualityTraining() {
    }

    /** The pooled strong-vs-weak outcomes of one split, scores normalised to 0–1. */
    public static PairOutcomes pooled(Path dir, Split split) {
        List<OutcomeRow> rows = new ArrayList<>();
        List<Double> strong = new ArrayList<>();
        List<Double> weak = new ArrayList<>();
        add(OutcomeReaders.routeLlmMmlu(dir).decontaminated().split(split)
                .pair(OutcomeReaders.GPT4, OutcomeReaders.MIXTRAL), 0, 1, rows, strong, weak);
        add(OutcomeReaders.routeLlmGsm8k(dir).decontaminated().split(split)
                .pair(OutcomeReaders.GPT4, OutcomeReaders.MIXTRAL), 0, 1, rows, strong, weak);
        add(OutcomeReaders.mtBench(dir).decontaminated().split(split)
                .pair(OutcomeReaders.GPT4, OutcomeReaders.MIXTRAL), 1, 10, rows, strong, weak);
        return PairOutcomes.of("RouteLLM MMLU + GSM8K + MT-Bench (" + split.name().toLowerCase() + ")", rows,
                strong.stream().mapToDouble(Double::doubleValue).toArray(),
                weak.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void add(PairOutcomes pair, double low, double high, List<OutcomeRow> rows, List<Double> strong,
                            List<Double> weak) {
        for (int i = 0; i < pair.size(); i++) {
            rows.add(pair.row(i));
            strong.add(PairRouter.normalise(pair.strong(i), new double[] {low, high}));
            weak.add(PairRouter.normalise(pair.weak(i), new double[] {low, high}));
        }
    }

    /** Model files by resource name, plus report lines appended to {@code report}. */
    public static Map<String, byte[]> train(Path dir, List<String> report, Consumer<String> progress) {
        progress.accept("training the quality router (GPT-4 vs Mixtral outcomes)");
        PairOutcomes train = pooled(dir, Split.TRAIN);
        PairOutcomes validation = pooled(dir, Split.VALIDATION);
        PairRouter router = PairRouter.train(train, validation, null, false, new double[] {0, 1}, progress);
        QualityRouter provisional = new QualityRouter(router.strongModel(),
                router.weakModel().withParameters(QualityRouter.calibrate(new double[] {0}, new double[] {1},
                        new double[] {0})));
        double[] gains = gains(provisional, validation);
        double[] strong = new double[validation.size()];
        double[] weak = new double[validation.size()];
        for (int i = 0; i < validation.size(); i++) {
            strong[i] = validation.strong(i);
            weak[i] = validation.weak(i);
        }
        var weakModel = router.weakModel().withParameters(QualityRouter.calibrate(gains, strong, weak));
        QualityRouter shipped = new QualityRouter(router.strongModel(), weakModel);
        PairOutcomes test = pooled(dir, Split.TEST);
        report.add(String.format("quality router: APGR on pooled validation %.3f, on pooled test %.3f (%d prompts);"
                        + " knob 'target quality 95 %%' -> gain threshold %.3f", QualityCurve.of(validation, gains).apgr(),
                QualityCurve.of(test, gains(shipped, test)).apgr(), test.size(),
                shipped.threshold(new Knob.TargetQuality(0.95))));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(QualityRouter.STRONG_RESOURCE, router.strongModel().toBytes());
        files.put(QualityRouter.WEAK_RESOURCE, weakModel.toBytes());
        return files;
    }

    /** The shipped router's gains for every row of a pair. */
    public static double[] gains(QualityRouter router, PairOutcomes pair) {
        double[] gains = new double[pair.size()];
        for (int i = 0; i < pair.size(); i++) {
            gains[i] = router.estimate(pair.row(i).text(), new Knob.MaxStrongShare(0.5)).gain();
        }
        return gains;
    }
}
