package dev.gapwise.routing.lab.corpus;

import dev.gapwise.routing.Complexity;
import dev.gapwise.routing.lab.data.OutcomeReaders;
import dev.gapwise.routing.lab.data.OutcomeRow;
import dev.gapwise.routing.lab.data.OutcomeTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Complexity labels from outcome data: complexity means how likely a cheap model is to fall short of a frontier
 * model, so for every source and category with per-prompt outcomes of a strong and a cheap model, the
 * <b>shortfall rate</b> — the share of prompts the strong model gets right and the cheap one wrong (MT-Bench: the
 * cheap model's judge score at least {@value #MT_BENCH_GAP} points below the strong one's) — sets the label:
 * under {@value #LOW_BELOW} low, under {@value #HIGH_FROM} medium, else high.
 *
 * <p>Pairs: RouteLLM MMLU and GSM8K, GPT-4 vs Mixtral 8x7B (one rate per file: per-subject rates of MMLU rest on
 * a few dozen prompts each); MT-Bench, the same pair, per category; MMLU-Pro, Gemini 3.1 Pro vs Llama 3.1 70B, per
 * category (about 1,000 prompts each). Contaminated prompts are left out. Stateless.
 */
public final class ComplexityCalibration {
    /** Shortfall rates under this are low complexity. */
    public static final double LOW_BELOW = 0.05;
    /** Shortfall rates from this on are high complexity. */
    public static final double HIGH_FROM = 0.25;
    /** MT-Bench: a shortfall is a judge score this many points (of 10) below the strong model's. */
    public static final double MT_BENCH_GAP = 2.0;
    static final String MMLU_PRO_STRONG = "gemini_3_1_pro_preview";
    static final String MMLU_PRO_WEAK = "llama_3_1_70b_instruct";

    /** One calibrated cell: a source's category, its shortfall rate over n prompts and the label it gives. */
    public record Cell(String source, String category, double shortfall, int prompts, Complexity level) {
    }

    private final Map<String, Cell> cells;

    private ComplexityCalibration(Map<String, Cell> cells) {
        this.cells = Map.copyOf(cells);
    }

    /** Measures every cell on the routing data folder. */
    public static ComplexityCalibration measure(Path dir) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        add(cells, "mmlu", OutcomeReaders.routeLlmMmlu(dir), OutcomeReaders.GPT4, OutcomeReaders.MIXTRAL,
                row -> "", 1);
        add(cells, "gsm8k", OutcomeReaders.routeLlmGsm8k(dir), OutcomeReaders.GPT4, OutcomeReaders.MIXTRAL,
                row -> "", 1);
        add(cells, "mt-bench", OutcomeReaders.mtBench(dir), OutcomeReaders.GPT4, OutcomeReaders.MIXTRAL,
                OutcomeRow::group, MT_BENCH_GAP);
        add(cells, "mmlu-pro", OutcomeReaders.mmluPro(dir), MMLU_PRO_STRONG, MMLU_PRO_WEAK,
                row -> row.label("category").orElse(""), 1);
        return new ComplexityCalibration(cells);
    }

    /** The label for a source's category, if the outcome data covers it. */
    public Optional<Complexity> level(String source, String category) {
        Cell cell = cells.get(source + "/" + category);
        if (cell == null) {
            cell = cells.get(source + "/");
        }
        return Optional.ofNullable(cell).map(Cell::level);
    }

    /** Every cell, in measurement order. */
    public List<Cell> cells() {
        return List.copyOf(cells.values());
    }

    /** The label a shortfall rate gives. */
    public static Complexity levelOf(double shortfall) {
        return shortfall < LOW_BELOW ? Complexity.LOW : shortfall < HIGH_FROM ? Complexity.MEDIUM : Complexity.HIGH;
    }

    private static void add(Map<String, Cell> cells, String source, OutcomeTable table, String strong, String weak,
                            Function<OutcomeRow, String> category, double gap) {
        int s = table.modelIndex(strong);
        int w = table.modelIndex(weak);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (OutcomeRow row : table.decontaminated().rows()) {
            double strongScore = row.score(s);
            double weakScore = row.score(w);
            if (Double.isNaN(strongScore) || Double.isNaN(weakScore)) {
                continue;
            }
            int[] count = counts.computeIfAbsent(category.apply(row), k -> new int[2]);
            count[1]++;
            if (strongScore - weakScore >= gap) {
                count[0]++;
            }
        }
        List<String> names = new ArrayList<>(counts.keySet());
        for (String name : names) {
            int[] count = counts.get(name);
            double rate = (double) count[0] / count[1];
            cells.put(source + "/" + name, new Cell(source, name, rate, count[1], levelOf(rate)));
        }
    }
}
