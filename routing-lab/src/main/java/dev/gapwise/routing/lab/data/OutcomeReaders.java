package dev.gapwise.routing.lab.data;

import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the per-prompt outcome files of {@code data/routing/} (see its SOURCES.md) and the generic CSV shape
 * users evaluate their own traffic with. One method per file family; every reader returns an
 * {@link OutcomeTable}. Stateless and thread-safe.
 *
 * <p>Generic shape: columns {@code id}, {@code prompt}, optional {@code group} and {@code contaminated}, then per
 * model {@code <model>__score} (or {@code <model>__correct}) and optionally {@code <model>__cost} (USD per prompt).
 */
public final class OutcomeReaders {
    /** The RouteLLM GPT-4 column, the "strong" model of the RouteLLM files. */
    public static final String GPT4 = "gpt4_1106";
    /** The RouteLLM Mixtral column, the "weak" model of the RouteLLM files. */
    public static final String MIXTRAL = "mixtral_8x7b";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomeReaders() {
    }

    /** RouteLLM MMLU (both parts): group = subject; labels subject and domain_group. */
    public static OutcomeTable routeLlmMmlu(Path dir) {
        List<OutcomeRow> rows = new ArrayList<>();
        for (String part : List.of("routellm_mmlu_gpt4_vs_mixtral.part1.csv", "routellm_mmlu_gpt4_vs_mixtral.part2.csv")) {
            for (CsvRow row : table(dir.resolve(part), "id", "subject", "domain_group", "contaminated",
                    "gpt4_1106_correct", "mixtral_8x7b_correct", "prompt").rows()) {
                rows.add(new OutcomeRow(row.requiredText("id"), rawPrompt(row, "prompt"), row.requiredText("subject"),
                        Map.of("subject", row.text("subject"), "domain_group", row.text("domain_group")),
                        flag(row, "contaminated"), new double[] {row.number("gpt4_1106_correct"),
                        row.number("mixtral_8x7b_correct")}, new double[] {Double.NaN, Double.NaN}));
            }
        }
        return new OutcomeTable("RouteLLM MMLU", List.of(GPT4, MIXTRAL), "", rows);
    }

    /** RouteLLM GSM8K: no group; costs are the response lengths in characters. */
    public static OutcomeTable routeLlmGsm8k(Path dir) {
        List<OutcomeRow> rows = new ArrayList<>();
        for (CsvRow row : table(dir.resolve("routellm_gsm8k_gpt4_vs_mixtral.csv"), "id", "contaminated",
                "gpt4_1106_correct", "mixtral_8x7b_correct", "gpt4_response_chars", "mixtral_response_chars",
                "prompt").rows()) {
            rows.add(new OutcomeRow(row.requiredText("id"), rawPrompt(row, "prompt"), "", Map.of(),
                    flag(row, "contaminated"),
                    new double[] {row.number("gpt4_1106_correct"), row.number("mixtral_8x7b_correct")},
                    new double[] {row.number("gpt4_response_chars"), row.number("mixtral_response_chars")}));
        }
        return new OutcomeTable("RouteLLM GSM8K", List.of(GPT4, MIXTRAL), "output chars", rows);
    }

    /**
     * MT-Bench, one row per question: both turns' text, each model's score averaged over the two turns (the
     * "per question" view of EVALUATION.md), contaminated when either turn is.
     */
    public static OutcomeTable mtBench(Path dir) {
        Map<String, List<CsvRow>> byQuestion = new LinkedHashMap<>();
        for (CsvRow row : table(dir.resolve("routellm_mtbench_gpt4_vs_mixtral.csv"), "question_id", "turn", "category",
                "contaminated", "gpt4_1106_score", "mixtral_8x7b_score", "turn1_prompt", "turn2_prompt").rows()) {
            byQuestion.computeIfAbsent(row.requiredText("question_id"), k -> new ArrayList<>()).add(row);
        }
        List<OutcomeRow> rows = new ArrayList<>();
        byQuestion.forEach((id, turns) -> {
            double strong = 0;
            double weak = 0;
            boolean contaminated = false;
            for (CsvRow turn : turns) {
                strong += turn.number("gpt4_1106_score");
                weak += turn.number("mixtral_8x7b_score");
                contaminated |= flag(turn, "contaminated");
            }
            CsvRow first = turns.getFirst();
            String text = rawPrompt(first, "turn1_prompt") + "\n\n" + rawPrompt(first, "turn2_prompt");
            rows.add(new OutcomeRow(id, text, first.requiredText("category"),
                    Map.of("category", first.text("category"), "turns", "2"), contaminated,
                    new double[] {strong / turns.size(), weak / turns.size()}, new double[] {Double.NaN, Double.NaN}));
        });
        return new OutcomeTable("MT-Bench", List.of(GPT4, MIXTRAL), "", rows);
    }

    /**
     * MMLU-Pro, 20 models, joined with the question text (question and its options); group = src; costs are
     * each model's output length in characters. Empty cells stay NaN (not evaluated, not wrong).
     */
    public static OutcomeTable mmluPro(Path dir) {
        Map<String, String> questionText = new HashMap<>();
        for (String part : List.of("mmlupro_questions.part1.csv", "mmlupro_questions.part2.csv",
                "mmlupro_questions.part3.csv")) {
            for (CsvRow row : table(dir.resolve(part), "question_id", "question", "options_json").rows()) {
                questionText.put(row.requiredText("question_id"), row.text("question") + "\n" + options(row));
            }
        }
        CsvTable outcomes = CsvTable.read(dir.resolve("mmlupro_20models_outcomes.csv"));
        outcomes.require(List.of("question_id", "category", "src"));
        List<String> models = outcomes.header().stream().filter(c -> c.endsWith("__correct"))
                .map(c -> c.substring(0, c.length() - "__correct".length())).toList();
        List<OutcomeRow> rows = new ArrayList<>();
        for (CsvRow row : outcomes.rows()) {
            String id = row.requiredText("question_id");
            String text = questionText.get(id);
            if (text == null) {
                throw row.error("question_id", "'" + id + "' has no question in mmlupro_questions.part*.csv");
            }
            double[] scores = new double[models.size()];
            double[] costs = new double[models.size()];
            for (int m = 0; m < models.size(); m++) {
                scores[m] = row.optionalNumber(models.get(m) + "__correct").orElse(Double.NaN);
                costs[m] = row.optionalNumber(models.get(m) + "__out_chars").orElse(Double.NaN);
            }
            rows.add(new OutcomeRow(id, text, row.requiredText("src"),
                    Map.of("category", row.text("category"), "src", row.text("src")), false, scores, costs));
        }
        return new OutcomeTable("MMLU-Pro", models, "output chars", rows);
    }

    /** A user's outcome file in the generic shape described on this class. */
    public static OutcomeTable generic(Path file) {
        CsvTable table = CsvTable.read(file);
        table.require(List.of("id", "prompt"));
        List<String> models = new ArrayList<>();
        for (String column : table.header()) {
            for (String suffix : List.of("__score", "__correct")) {
                if (column.endsWith(suffix)) {
                    models.add(column.substring(0, column.length() - suffix.length()));
                }
            }
        }
        if (models.size() < 2) {
            throw new DataFileException(file.toString(), 1, "needs at least two '<model>__score' columns, found "
                    + models.size() + "; the generic shape is id,prompt[,group],<model>__score[,<model>__cost],...");
        }
        boolean anyCost = models.stream().anyMatch(m -> table.hasColumn(m + "__cost"));
        List<OutcomeRow> rows = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            double[] scores = new double[models.size()];
            double[] costs = new double[models.size()];
            for (int m = 0; m < models.size(); m++) {
                String model = models.get(m);
                String scoreColumn = table.hasColumn(model + "__score") ? model + "__score" : model + "__correct";
                scores[m] = row.optionalNumber(scoreColumn).orElse(Double.NaN);
                costs[m] = table.hasColumn(model + "__cost")
                        ? row.optionalNumber(model + "__cost").orElse(Double.NaN) : Double.NaN;
            }
            rows.add(new OutcomeRow(row.requiredText("id"), rawPrompt(row, "prompt"),
                    row.textIfPresent("group").orElse(""), Map.of(),
                    row.textIfPresent("contaminated").map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(false),
                    scores, costs));
        }
        return new OutcomeTable(file.getFileName().toString(), models, anyCost ? "USD" : "", rows);
    }

    private static CsvTable table(Path file, String... columns) {
        CsvTable table = CsvTable.read(file);
        table.require(List.of(columns));
        return table;
    }

    private static boolean flag(CsvRow row, String column) {
        return row.number(column) != 0;
    }

    private static String rawPrompt(CsvRow row, String column) {
        return row.requiredText(column);
    }

    private static String options(CsvRow row) {
        JsonNode array = JSON.readTree(row.text("options_json"));
        StringBuilder text = new StringBuilder();
        char letter = 'A';
        for (JsonNode option : array) {
            text.append(letter++).append(". ").append(option.asString()).append('\n');
        }
        return text.toString();
    }
}
