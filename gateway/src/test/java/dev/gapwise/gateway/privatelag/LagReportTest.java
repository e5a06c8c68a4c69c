package dev.gapwise.gateway.privatelag;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The private lag report on a seeded ledger, its intervals checked against a direct computation. */
class LagReportTest {
    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 10);
    private static final Map<String, Double> LAGS = Map.of("cheap-model", 7.0, "frontier-model", 1.5);

    @TempDir
    Path dir;
    private SeededShadowLedger seeded;

    @BeforeEach
    void seed() throws Exception {
        seeded = new SeededShadowLedger(dir);
        Instant start = Instant.parse("2026-11-01T08:00:00Z");
        // crm-email on routine: 200 sampled requests (10 %) served by the cheap model, shadowed to the frontier;
        // 195 scored acceptable. Two feedbacks flip one each way, so 195 stay acceptable.
        for (int i = 0; i < 200; i++) {
            seeded.pair("crm-" + i, start.plusSeconds(3_600L * i), "routine", "crm-email", 0.1, "cheap@x", "cheap-model",
                    100_000, "frontier@x", "frontier-model", 2_000_000, "served", i >= 5, null, null, null);
        }
        seeded.feedback("crm-10", 0.0);
        seeded.feedback("crm-0", 1.0);
        // clinical on critical: 50 pairs, all acceptable, served by the frontier with the cheap model shadowed
        for (int i = 0; i < 50; i++) {
            seeded.pair("clin-" + i, start.plusSeconds(7_200L * i), "critical", "clinical", 1.0, "frontier@x",
                    "frontier-model", 2_000_000, "cheap@x", "cheap-model", 100_000, "shadow", true, null, null, null);
        }
        // summaries: too few pairs, and the served deployment is unpriced
        for (int i = 0; i < 10; i++) {
            seeded.pair("sum-" + i, start.plusSeconds(600L * i), "routine", "summaries", 0.5, "local@x", "cheap-model",
                    -1, "frontier@x", "frontier-model", 2_000_000, "served", true, null, null, null);
        }
        // outside the window: not counted
        seeded.pair("old-1", Instant.parse("2026-10-20T00:00:00Z"), "routine", "crm-email", 0.1, "cheap@x",
                "cheap-model", 100_000, "frontier@x", "frontier-model", 2_000_000, "served", false, null, null, null);
    }

    private LagReport report(double threshold) throws Exception {
        List<ShadowPair> pairs = ShadowLog.pairs(seeded.database, FROM, TO);
        return LagReport.of(pairs, FROM, TO, threshold, 30, "critical", "eci",
                model -> LAGS.containsKey(model) ? OptionalDouble.of(LAGS.get(model)) : OptionalDouble.empty());
    }

    /** The Wilson bounds solved directly: the roots p of (p̂ − p)² = z² p (1 − p) / n. */
    private static double[] wilsonRoots(long k, long n) {
        double z = 1.959964;
        double hat = (double) k / n;
        double a = 1 + z * z / n;
        double b = -(2 * hat + z * z / n);
        double c = hat * hat;
        double root = Math.sqrt(b * b - 4 * a * c);
        return new double[] {(-b - root) / (2 * a), (-b + root) / (2 * a)};
    }

    @Test
    void acceptanceIntervalsMatchADirectComputation() throws Exception {
        LagReport.Line crm = line(report(0.95), "crm-email");
        assertThat(crm.acceptance().successes()).isEqualTo(195);
        assertThat(crm.acceptance().total()).isEqualTo(200);
        assertThat(crm.fromFeedback()).isEqualTo(2);
        double[] roots = wilsonRoots(195, 200);
        assertThat(crm.acceptance().lower()).isCloseTo(roots[0], within(1e-12));
        assertThat(crm.acceptance().upper()).isCloseTo(roots[1], within(1e-12));
        assertThat(crm.acceptance().lower()).isCloseTo(0.9428, within(1e-4));
        // and at the edge: every pair acceptable
        LagReport.Line clinical = line(report(0.95), "clinical");
        assertThat(clinical.acceptance().upper()).isCloseTo(1.0, within(1e-12));
        assertThat(clinical.acceptance().lower()).isCloseTo(wilsonRoots(50, 50)[0], within(1e-12));
    }

    @Test
    void savingsScaleTheSampledPairsToAMonth() throws Exception {
        LagReport.Line crm = line(report(0.95), "crm-email");
        // 200 pairs at 10 % over 10 days: 2000 requests, 6000 a month
        assertThat(crm.requestsPerMonth()).isCloseTo(6_000, within(1e-9));
        assertThat(crm.candidateCost()).hasValue(new BigDecimal("0.000100000"));
        assertThat(crm.referenceCost()).hasValue(new BigDecimal("0.002000000"));
        // (0.002 - 0.0001) * 6000 = 11.40; cascade: (0.975 * 0.002 - 0.0001) * 6000 = 11.10
        assertThat(crm.switchSavingPerMonth()).hasValue(new BigDecimal("11.40"));
        assertThat(crm.cascadeSavingPerMonth()).hasValue(new BigDecimal("11.10"));
        assertThat(crm.candidateLag()).hasValue(7.0);
        assertThat(crm.referenceLag()).hasValue(1.5);
    }

    @Test
    void anUnknownCostMakesTheSavingsUnknownNeverZero() throws Exception {
        LagReport.Line summaries = line(report(0.95), "summaries");
        assertThat(summaries.candidateCost()).isEmpty();
        assertThat(summaries.switchSavingPerMonth()).isEmpty();
        assertThat(LagReportWriter.text(report(0.95))).contains("switching would save unknown USD a month");
    }

    @Test
    void aChangeIsRecommendedOnlyWhenTheIntervalClearsTheThresholdAndNeverForTheCriticalTier() throws Exception {
        LagReport strict = report(0.95);
        assertThat(line(strict, "crm-email").recommendation()).isInstanceOf(LagReport.Recommendation.Keep.class);
        assertThat(line(strict, "clinical").recommendation()).isInstanceOf(LagReport.Recommendation.Review.class);
        assertThat(line(strict, "summaries").recommendation().text()).contains("10 pairs, at least 30 needed");
        LagReport lenient = report(0.90);
        assertThat(line(lenient, "crm-email").recommendation()).isInstanceOf(LagReport.Recommendation.Switch.class);
        assertThat(line(lenient, "clinical").recommendation()).isInstanceOf(LagReport.Recommendation.Review.class);
        String text = LagReportWriter.text(lenient);
        assertThat(text).contains("task crm-email, tier routine: cheap@x agrees with frontier@x 98 % [94, 99] (195/200), "
                + "2 from feedback")
                .contains("public lag (eci): cheap-model trails the frontier by 7.0 months, "
                        + "frontier-model by 1.5: 5.5 months behind it")
                .contains("switch: route task crm-email on tier routine to cheap@x");
        assertThat(LagReportWriter.json(lenient)).contains("\"interval\":\"95 % Wilson score\"");
    }

    private static LagReport.Line line(LagReport report, String task) {
        return report.lines().stream().filter(l -> l.key().task().equals(task)).findFirst().orElseThrow();
    }
}
