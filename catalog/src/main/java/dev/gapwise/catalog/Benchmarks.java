package dev.gapwise.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmarks Gapwise knows by name, with the other names public sources use for them, so that
 * "GPQA Diamond", "gpqa_diamond" and "GPQA-Diamond" all resolve to one id. Datasets may declare other
 * benchmarks too; this is a dictionary, not a limit. Thread-safe (immutable).
 */
public final class Benchmarks {
    public static final Benchmark ECI = new Benchmark("eci", "Epoch Capabilities Index", Scale.INDEX);
    public static final Benchmark GPQA_DIAMOND = new Benchmark("gpqa_diamond", "GPQA Diamond", Scale.ACCURACY);
    public static final Benchmark GPQA = new Benchmark("gpqa", "GPQA", Scale.ACCURACY);
    public static final Benchmark MMLU = new Benchmark("mmlu", "MMLU", Scale.ACCURACY);
    public static final Benchmark HELM_MMLU = new Benchmark("helm_mmlu", "HELM MMLU", Scale.ACCURACY);
    public static final Benchmark MATH_LEVEL_5 = new Benchmark("math_level_5", "MATH Level 5", Scale.ACCURACY);
    public static final Benchmark SWE_BENCH_VERIFIED =
            new Benchmark("swe_bench_verified", "SWE-bench Verified", Scale.ACCURACY);
    public static final Benchmark ARENA_TEXT = new Benchmark("arena_text", "LMArena text (overall)", Scale.RATING);
    public static final Benchmark BBH = new Benchmark("bbh", "BIG-Bench Hard", Scale.ACCURACY);
    public static final Benchmark GSM8K = new Benchmark("gsm8k", "GSM8K", Scale.ACCURACY);
    public static final Benchmark GSM1K = new Benchmark("gsm1k", "GSM1k", Scale.ACCURACY);
    public static final Benchmark TRAINING_COMPUTE =
            new Benchmark("training_compute", "Training compute (FLOP)", Scale.COMPUTE);

    private static final List<Benchmark> KNOWN = List.of(ECI, GPQA_DIAMOND, GPQA, MMLU, HELM_MMLU, MATH_LEVEL_5,
            SWE_BENCH_VERIFIED, ARENA_TEXT, BBH, GSM8K, GSM1K, TRAINING_COMPUTE);

    private static final Map<String, String> ID_BY_NAME = buildNames();

    private Benchmarks() {
    }

    /** Every benchmark known by name. */
    public static List<Benchmark> known() {
        return KNOWN;
    }

    /** A known benchmark by id. */
    public static Optional<Benchmark> byId(String id) {
        return KNOWN.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /**
     * Resolves a benchmark id or a common name ("GPQA Diamond", "LMSYS Chatbot Arena (text overall)",
     * "Epoch Capabilities Index") to an id; the text is compared ignoring case, spaces, dashes and
     * underscores. Unknown names resolve to their normalised form, so datasets can bring new benchmarks.
     */
    public static String resolveId(String nameOrId) {
        String key = normalise(nameOrId);
        return ID_BY_NAME.getOrDefault(key, key);
    }

    /** Lower case, and every run of characters other than letters, digits and '.' turned into '_'. */
    public static String normalise(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "_");
        return lower.replaceAll("^_+|_+$", "");
    }

    private static Map<String, String> buildNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Benchmark benchmark : KNOWN) {
            names.put(benchmark.id(), benchmark.id());
            names.put(normalise(benchmark.displayName()), benchmark.id());
        }
        names.put("epoch_capabilities_index_eci", "eci");
        names.put("epoch_capability_index", "eci");
        names.put("capabilities_index", "eci");
        names.put("gpqa_diamond_accuracy", "gpqa_diamond");
        names.put("math_level5", "math_level_5");
        names.put("swe_bench", "swe_bench_verified");
        names.put("big_bench_hard", "bbh");
        names.put("arena", "arena_text");
        names.put("lmarena", "arena_text");
        names.put("arena_text_overall", "arena_text");
        names.put("chatbot_arena", "arena_text");
        names.put("lmsys_chatbot_arena", "arena_text");
        names.put("lmsys_chatbot_arena_text_overall", "arena_text");
        names.put("lmarena_text", "arena_text");
        names.put("lmsys_elo", "arena_text");
        names.put("compute", "training_compute");
        names.put("training_compute_flop", "training_compute");
        return Map.copyOf(names);
    }
}
