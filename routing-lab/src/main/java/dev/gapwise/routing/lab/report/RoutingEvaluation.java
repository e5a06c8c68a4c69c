package dev.gapwise.routing.lab.report;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.routing.Classifiers;
import dev.gapwise.routing.FrontierLags;
import dev.gapwise.routing.embedding.EmbeddingSecondOpinion;
import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.routing.RouteRequest;
import dev.gapwise.routing.Router;
import dev.gapwise.routing.classify.ComplexityClassifier;
import dev.gapwise.routing.classify.RiskClassifier;
import dev.gapwise.routing.lab.corpus.Corpus;
import dev.gapwise.routing.lab.data.OutcomeReaders;
import dev.gapwise.routing.lab.data.OutcomeTable;
import dev.gapwise.routing.lab.data.PairOutcomes;
import dev.gapwise.routing.lab.data.Split;
import dev.gapwise.routing.quality.QualityRouter;
import org.jfree.chart.JFreeChart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the routing protocol of EVALUATION.md §2 and returns the report. With {@link EvalOptions#outcomes()} it
 * evaluates a user's outcome file instead (pair section only). Deterministic for the same data and options.
 */
public final class RoutingEvaluation {
    private RoutingEvaluation() {
    }

    /** Runs everything; {@code progress} gets a line per step (long runs take a few minutes). */
    public static EvalReport run(EvalOptions options, Consumer<String> progress) {
        long started = System.nanoTime();
        Consumer<String> timed = line -> progress.accept(String.format("[%5.1f s] %s",
                (System.nanoTime() - started) / 1e9, line));
        if (options.outcomes().isPresent()) {
            return generic(options, timed);
        }
        Policy policy = Policy.builtIn();
        Classifiers classifiers = policy.secondOpinion()
                ? Classifiers.bundled().withSecondOpinion(EmbeddingSecondOpinion.bundled()) : Classifiers.bundled();
        RiskClassifier risk = classifiers.risk();
        QualityRouter shipped = classifiers.quality();
        Markdown out = header(options);

        timed.accept("realistic traffic: routing every held-out request of the corpus");
        Corpus corpus = Corpus.assemble(options.dataDir(), options.chatDir().orElse(null));
        Catalog catalog = BundledCatalogReader.readBundled();
        Router router = new Router(policy, catalog, FrontierLags.of(catalog), classifiers);
        RealisticTrafficSection.Result realistic = null;
        if (options.chatDir().isPresent()) {
            realistic = RealisticTrafficSection.write(out, corpus, router, classifiers.complexity(),
                    options.sample() > 0 ? Math.max(10, options.sample() / 10) : 0, timed);
        } else {
            out.heading(2, "1. Realistic traffic");
            out.paragraph("Skipped: the realistic requests (shared/data/routing-chat) were not found; pass "
                    + "--chat-data DIR.");
        }
        RiskGateSection.Result gate = RiskGateSection.write(out, corpus, risk, options.sample());

        OutcomeTable mmluTable = sample(OutcomeReaders.routeLlmMmlu(options.dataDir()).decontaminated(), options);
        OutcomeTable gsmTable = sample(OutcomeReaders.routeLlmGsm8k(options.dataDir()).decontaminated(), options);
        OutcomeTable mtTable = OutcomeReaders.mtBench(options.dataDir()).decontaminated();
        OutcomeTable proTable = sample(OutcomeReaders.mmluPro(options.dataDir()), options);
        PairOutcomes mmlu = mmluTable.pair(OutcomeReaders.GPT4, OutcomeReaders.MIXTRAL);
        PairOutcomes gsm = gsmTable.pair(OutcomeReaders.GPT4, OutcomeReaders.MIXTRAL);
        PairOutcomes mt = mtTable.pair(OutcomeReaders.GPT4, OutcomeReaders.MIXTRAL);
        PairOutcomes pro = proTable.pair("gemini_3_1_pro_preview", "llama_3_1_70b_instruct");

        out.heading(2, "2. Quality router: strong vs weak");
        out.paragraph("Each table is the test split (SHA-256 buckets 8–9), scored once. Learned routers are trained "
                + "on buckets 0–5; their scorer and prior blend are chosen on buckets 6–7. The category prior is fit "
                + "on train + validation. \"Shipped\" is the text-only router `gapwise train` writes (trained on the "
                + "pooled GPT-4/Mixtral train splits). Random is its expectation, PGR(c) = c.");
        List<PairExperiment.Result> results = new ArrayList<>();
        results.add(new PairExperiment("RouteLLM MMLU (GPT-4 vs Mixtral), decontaminated", mmlu, null,
                new double[] {0, 1}, "Trained on: RouteLLM MMLU train split (prompt text and subject).")
                .run(out, risk, shipped, options.bootstrap(), timed));
        results.add(new PairExperiment("RouteLLM GSM8K (GPT-4 vs Mixtral), decontaminated", gsm, null,
                new double[] {0, 1}, "Trained on: RouteLLM GSM8K train split (prompt text).")
                .run(out, risk, shipped, options.bootstrap(), timed));
        results.add(new PairExperiment("MT-Bench per question (GPT-4 vs Mixtral), decontaminated", mt, null,
                new double[] {1, 10}, "Trained on: MT-Bench train split (both turns' text and category), judge scores "
                + "as soft labels.").run(out, risk, shipped, options.bootstrap(), timed));
        double mtCrossFitted = TransferSection.mtBenchCrossFitted(out, mt, timed);
        results.add(new PairExperiment("MMLU-Pro, Gemini-3.1-Pro vs Llama-3.1-70B", pro, proTable,
                new double[] {0, 1}, "Trained on: MMLU-Pro train split only (question, options and src; the difficulty "
                + "scorer also sees the other models' outcomes on train questions). Never RouteLLM MMLU, which "
                + "overlaps the `ori_mmlu` rows.").run(out, risk, shipped, options.bootstrap(), timed));

        out.heading(2, "3. Generalisation");
        TransferSection.leaveOneDomainOut(out, mmlu, timed);
        TransferSection.modelPairTransfer(out, mmlu, proTable, gsm, timed);
        AiqSection.write(out, proTable, options.dataDir(), timed);
        latency(out, mmlu, Classifiers.bundled(), timed);

        Map<String, byte[]> charts = new LinkedHashMap<>();
        JFreeChart chart = CurveChart.chart("RouteLLM MMLU, test split: quality vs strong calls",
                results.getFirst().curves());
        charts.put("routing-eval-mmlu.svg", CurveChart.svg(chart).getBytes(StandardCharsets.UTF_8));
        charts.put("routing-eval-mmlu.png", CurveChart.png(chart));
        out.heading(2, "6. Cost–quality curve");
        out.paragraph("![RouteLLM MMLU cost–quality curve](routing-eval-mmlu.svg) (also as PNG: "
                + "`routing-eval-mmlu.png`)");
        TargetsSection.write(out, realistic, gate, results, mtCrossFitted);
        timed.accept("done");
        return new EvalReport(out.toString(), charts);
    }

    private static Markdown header(EvalOptions options) {
        Markdown out = new Markdown();
        out.heading(1, "Routing evaluation");
        out.paragraph("Generated by `" + options.command() + "` from the files in `shared/data/routing` (see its "
                + "SOURCES.md)" + (options.sample() > 0 ? "; **reduced sample: at most " + options.sample()
                + " prompts per dataset** (the CI run; the full run has no `--sample`)" : "; full run") + ". "
                + "Protocol: docs/EVALUATION.md §2 — SHA-256 bucket splits, decontaminated RouteLLM files, thresholds and "
                + "model choices on validation only, test reported once, paired bootstrap with " + options.bootstrap()
                + " resamples.");
        return out;
    }

    private static OutcomeTable sample(OutcomeTable table, EvalOptions options) {
        return options.sample() > 0 ? table.sample(options.sample()) : table;
    }

    /** The fast path alone (no second opinion): the classifiers every request pays for. */
    private static void latency(Markdown out, PairOutcomes mmlu, Classifiers fast, Consumer<String> progress) {
        progress.accept("latency of the fast path");
        Router router = new Router(dev.gapwise.routing.policy.Policy.builtIn(),
                new dev.gapwise.catalog.Catalog(List.of(), List.of()), ModelLags.none(), fast);
        int n = Math.min(mmlu.size(), 2000);
        long[] nanos = new long[n];
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < n; i++) {
                RouteRequest request = RouteRequest.of(mmlu.row(i).text()).withApiKeyTier("elevated");
                long start = System.nanoTime();
                router.route(request);
                nanos[i] = System.nanoTime() - start;
            }
        }
        java.util.Arrays.sort(nanos);
        out.heading(2, "5. Decision latency (in-process, indicative)");
        out.paragraph(String.format("`Router.route` on the fast path (features, the four models in one fused pass, "
                        + "the quality router, no deployments; the second opinion, asked only when the fast model is "
                        + "unsure, is measured apart in docs/benchmarks.md) on %d MMLU prompts (mean %d chars), fifth "
                        + "pass: p50 %.1f µs, p99 %.1f µs. The JMH numbers in docs/benchmarks.md are the reference.", n,
                (int) mmlu.rows().stream().limit(n).mapToInt(r -> r.text().length()).average().orElse(0),
                nanos[n / 2] / 1e3, nanos[(int) (n * 0.99)] / 1e3));
    }

    private static EvalReport generic(EvalOptions options, Consumer<String> progress) {
        Path file = options.outcomes().orElseThrow();
        OutcomeTable table = sample(OutcomeReaders.generic(file).decontaminated(), options);
        String strong = options.strong().isEmpty() ? best(table, true) : options.strong();
        String weak = options.weak().isEmpty() ? best(table, false) : options.weak();
        Markdown out = header(options);
        out.heading(2, "Quality router on " + file.getFileName() + ": " + strong + " vs " + weak);
        double max = table.rows().stream().flatMapToDouble(r -> java.util.Arrays.stream(r.scores()))
                .filter(v -> !Double.isNaN(v)).max().orElse(1);
        double min = table.rows().stream().flatMapToDouble(r -> java.util.Arrays.stream(r.scores()))
                .filter(v -> !Double.isNaN(v)).min().orElse(0);
        PairExperiment.Result result = new PairExperiment(file.getFileName().toString(), table.pair(strong, weak),
                table.models().size() > 2 ? table : null, new double[] {Math.min(0, min), Math.max(1, max)},
                "Trained on: this file's train split.").run(out, RiskClassifier.bundled(), null, options.bootstrap(),
                progress);
        JFreeChart chart = CurveChart.chart(file.getFileName() + ": quality vs strong calls", result.curves());
        return new EvalReport(out.toString(), Map.of("routing-eval-custom.svg",
                CurveChart.svg(chart).getBytes(StandardCharsets.UTF_8)));
    }

    private static String best(OutcomeTable table, boolean highest) {
        String pick = null;
        double pickMean = 0;
        for (int m = 0; m < table.models().size(); m++) {
            int index = m;
            double mean = table.rows().stream().mapToDouble(r -> r.score(index)).filter(v -> !Double.isNaN(v))
                    .average().orElse(Double.NaN);
            if (pick == null || (highest ? mean > pickMean : mean < pickMean)) {
                pick = table.models().get(m);
                pickMean = mean;
            }
        }
        return pick;
    }
}
