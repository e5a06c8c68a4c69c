package dev.gapwise.routing.classify;

import dev.gapwise.routing.data.LabeledText;
import dev.gapwise.routing.data.LabeledTextReaders;
import dev.gapwise.routing.data.OutcomeReaders;
import dev.gapwise.routing.data.OutcomeRow;
import dev.gapwise.routing.data.OutcomeTable;
import dev.gapwise.routing.data.Split;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The labeled corpus for the risk and complexity classifiers, assembled from the shared routing data:
 * <ul>
 *   <li>risk: RouteLLM MMLU {@code domain_group} legal / medical / finance_business and MMLU-Pro categories law /
 *       health / business + economics are high-stakes; every other MMLU and MMLU-Pro subject, GSM8K, MT-Bench,
 *       Arena-Hard, Banking77 and CLINC150 are routine;</li>
 *   <li>complexity: Banking77 and CLINC150 are low; MMLU, MMLU-Pro and GSM8K medium; Arena-Hard and MT-Bench
 *       high, except creative writing (Arena-Hard {@code creative_writing}, MT-Bench writing and roleplay), which
 *       is medium: on MT-Bench, the only outcome data for it here, Mixtral scores within 0.1 of GPT-4 on those
 *       categories (9.56 vs 9.62 writing, 9.62 vs 9.66 roleplay, out of 10) against 1.5 to 2.6 on coding, math
 *       and extraction, so a cheap model is good enough for it.</li>
 * </ul>
 * Decontamination: a train or validation prompt whose normalised question stem equals a test prompt's is dropped
 * (this removes MMLU-Pro {@code ori_mmlu} copies of RouteLLM MMLU test questions, and vice versa).
 */
public final class TrainingCorpus {
    /** Creative-writing groups: Arena-Hard's label and MT-Bench's categories. */
    static final Set<String> CREATIVE = Set.of("creative_writing", "writing", "roleplay");

    private TrainingCorpus() {
    }

    /** Reads and labels everything under the routing data folder. */
    public static List<LabeledPrompt> read(Path dir) {
        List<LabeledPrompt> all = new ArrayList<>();
        for (OutcomeRow row : OutcomeReaders.routeLlmMmlu(dir).rows()) {
            String group = row.label("domain_group").orElse("other");
            String risk = switch (group) {
                case "legal" -> "legal";
                case "medical" -> "medical";
                case "finance_business" -> "financial";
                default -> "routine";
            };
            all.add(new LabeledPrompt(row.id(), row.text(), "mmlu", row.label("subject").orElse(""),
                    risk.equals("routine") ? "other" : risk, risk, "medium", row.split()));
        }
        OutcomeTable pro = OutcomeReaders.mmluPro(dir);
        for (OutcomeRow row : pro.rows()) {
            String category = row.label("category").orElse("");
            String risk = switch (category) {
                case "law" -> "legal";
                case "health" -> "medical";
                case "business", "economics" -> "financial";
                default -> "routine";
            };
            String id = "mmlupro." + row.id();
            all.add(new LabeledPrompt(id, row.text(), "mmlu-pro", category, risk.equals("routine") ? "other" : risk,
                    risk, "medium", Split.of(row.id())));
        }
        for (OutcomeRow row : OutcomeReaders.routeLlmGsm8k(dir).rows()) {
            all.add(new LabeledPrompt(row.id(), row.text(), "gsm8k", "", "other", "routine", "medium", row.split()));
        }
        for (OutcomeRow row : OutcomeReaders.mtBench(dir).rows()) {
            all.add(new LabeledPrompt("mtbench." + row.id(), row.text(), "mt-bench", row.group(), "other", "routine",
                    CREATIVE.contains(row.group()) ? "medium" : "high", row.split()));
        }
        for (LabeledText text : LabeledTextReaders.arenaHard(dir)) {
            all.add(new LabeledPrompt(text.id(), text.text(), "arena-hard", text.label(), "other", "routine",
                    CREATIVE.contains(text.label()) ? "medium" : "high", text.split()));
        }
        for (LabeledText text : LabeledTextReaders.banking77(dir)) {
            all.add(new LabeledPrompt(text.id(), text.text(), "banking77", text.label(), "banking77", "routine", "low",
                    text.split()));
        }
        for (LabeledText text : LabeledTextReaders.clinc150(dir)) {
            all.add(new LabeledPrompt(text.id(), text.text(), "clinc150", text.label(), "clinc150", "routine", "low",
                    text.split()));
        }
        return decontaminate(all);
    }

    /** Drops train and validation prompts whose stem key equals a test prompt's. */
    static List<LabeledPrompt> decontaminate(List<LabeledPrompt> all) {
        Set<String> testKeys = new HashSet<>();
        for (LabeledPrompt prompt : all) {
            if (prompt.split() == Split.TEST) {
                testKeys.add(key(prompt.text()));
            }
        }
        return all.stream().filter(p -> p.split() == Split.TEST || !testKeys.contains(key(p.text()))).toList();
    }

    /** Lower-case letters and digits of the question stem, first 120 of them. */
    static String key(String text) {
        String stem = ChatStyle.stem(text).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(120);
        for (int i = 0; i < stem.length() && key.length() < 120; i++) {
            char c = stem.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(c);
            }
        }
        return key.toString();
    }
}
