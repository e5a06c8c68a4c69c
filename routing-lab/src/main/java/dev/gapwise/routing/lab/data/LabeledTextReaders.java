package dev.gapwise.routing.lab.data;

import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the labeled-prompt files of {@code data/routing/}: Banking77 and CLINC150 (routine requests) and
 * Arena-Hard (hard prompts). The intent sets keep their upstream test split as our test split; their other rows
 * are split by the hash of the text, so a duplicate text never lands on both sides. Stateless.
 */
public final class LabeledTextReaders {
    private LabeledTextReaders() {
    }

    /** Banking77: money-related but routine customer queries; label = intent. */
    public static List<LabeledText> banking77(Path dir) {
        return intents(dir.resolve("banking77_intents.csv"), "banking77", false);
    }

    /** CLINC150: short task-assistant utterances; label = domain (out-of-scope rows included). */
    public static List<LabeledText> clinc150(Path dir) {
        return intents(dir.resolve("clinc150_intents.csv"), "clinc150", true);
    }

    /** Arena-Hard v0.1 and v2.0 prompts; label = v2.0 subcategory or v0.1 topic cluster. */
    public static List<LabeledText> arenaHard(Path dir) {
        CsvTable table = CsvTable.read(dir.resolve("arenahard_prompts_labeled.csv"));
        table.require("uid", "set", "category", "label", "prompt");
        List<LabeledText> texts = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            String id = "arenahard." + row.requiredText("uid");
            texts.add(new LabeledText(id, row.requiredText("prompt"), "arena-hard", row.text("label"), Split.of(id)));
        }
        return texts;
    }

    private static List<LabeledText> intents(Path file, String source, boolean labelIsDomain) {
        CsvTable table = CsvTable.read(file);
        table.require("text", "intent", "split");
        List<LabeledText> texts = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            String text = row.requiredText("text");
            String upstream = row.text("split");
            String id = source + ":" + text;
            Split split = upstream.endsWith("test") ? Split.TEST
                    : Split.of(id) == Split.TRAIN ? Split.TRAIN : Split.VALIDATION;
            texts.add(new LabeledText(id, text, source, labelIsDomain ? row.text("domain") : row.text("intent"), split));
        }
        return texts;
    }
}
