package dev.gapwise.routing.lab.corpus;

import dev.gapwise.routing.lab.data.Split;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The labelled corpus of the risk and complexity classifiers: the realistic requests of
 * {@code shared/data/routing-chat} ({@link ChatSources}), the requests written here ({@link WrittenExamples}) and
 * the exam questions, intents and user tasks of {@code shared/data/routing} ({@link RoutingSources}).
 *
 * <p>Deduplication, so that nothing is tested on what trained: a text's key ({@link TextKey}; for exam questions,
 * the question stem without its options) is claimed first by evaluation-only rows, then by test-split rows, then by
 * validation rows; a trainable row whose key is already claimed on another side is dropped, and so is a repeat on
 * the same side. Immutable.
 *
 * @param rows    the rows kept, in source order
 * @param dropped how many rows were dropped as duplicates, by source
 */
public record Corpus(List<CorpusRow> rows, Map<String, Integer> dropped) {
    public Corpus {
        rows = List.copyOf(rows);
        dropped = Map.copyOf(dropped);
    }

    /** Reads every source. {@code chatDir} may be null when the realistic data is not there (then it is left out). */
    public static Corpus assemble(Path routingDir, Path chatDir) {
        ComplexityCalibration calibration = ComplexityCalibration.measure(routingDir);
        List<CorpusRow> all = new ArrayList<>();
        if (chatDir != null) {
            all.addAll(ChatSources.read(chatDir));
        }
        all.addAll(WrittenExamples.read());
        all.addAll(RoutingSources.read(routingDir, calibration));
        return deduplicate(all);
    }

    /** Keeps the first row per key, claiming keys for evaluation-only rows, then test, then validation, then train. */
    static Corpus deduplicate(List<CorpusRow> all) {
        Set<String> claimed = new HashSet<>();
        Map<String, Integer> dropped = new LinkedHashMap<>();
        List<Predicate<CorpusRow>> passes = List.of(row -> row.use() == Use.EVALUATION_ONLY,
                row -> row.use() == Use.TRAIN && row.split() == Split.TEST,
                row -> row.use() == Use.TRAIN && row.split() == Split.VALIDATION,
                row -> row.use() == Use.TRAIN && row.split() == Split.TRAIN);
        Set<CorpusRow> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Predicate<CorpusRow> pass : passes) {
            for (CorpusRow row : all) {
                if (pass.test(row)) {
                    if (claimed.add(key(row))) {
                        kept.add(row);
                    } else {
                        dropped.merge(row.source(), 1, Integer::sum);
                    }
                }
            }
        }
        return new Corpus(all.stream().filter(kept::contains).toList(), dropped);
    }

    /** The deduplication key: the text's, or for exam questions the stem's first 120 key characters. */
    static String key(CorpusRow row) {
        if (row.task() == Task.EXAM) {
            String stem = TextKey.of(ChatStyle.stem(row.text()));
            return "exam:" + stem.substring(0, Math.min(120, stem.length()));
        }
        return TextKey.of(row.context() + " " + row.text());
    }

    /** The trainable rows of one split. */
    public List<CorpusRow> trainable(Split split) {
        return rows.stream().filter(row -> row.trainable(split)).toList();
    }

    /** The rows a model is tested on: trainable rows of the test split and every evaluation-only row. */
    public List<CorpusRow> heldOut() {
        return rows.stream().filter(row -> row.split() == Split.TEST).toList();
    }

    /** The rows matching a predicate. */
    public List<CorpusRow> where(Predicate<CorpusRow> predicate) {
        return rows.stream().filter(predicate).toList();
    }
}
