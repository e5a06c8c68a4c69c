package dev.gapwise.routing.lab.corpus;

import dev.gapwise.routing.Complexity;
import dev.gapwise.routing.lab.data.LabeledText;
import dev.gapwise.routing.lab.data.LabeledTextReaders;
import dev.gapwise.routing.lab.data.OutcomeReaders;
import dev.gapwise.routing.lab.data.OutcomeRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The classifier rows of {@code shared/data/routing/} (all licences allow training: Apache-2.0, CC BY):
 * <ul>
 *   <li>risk: RouteLLM MMLU {@code domain_group} legal / medical / finance_business and MMLU-Pro law / health /
 *       business + economics are high-stakes (questions that seek facts a legal, medical or financial decision
 *       rests on); every other subject, GSM8K, MT-Bench, Arena-Hard, Banking77 and CLINC150 are routine;</li>
 *   <li>complexity: Banking77 and CLINC150 are low; the sources with outcome data take the label of their
 *       {@link ComplexityCalibration calibrated} cell; Arena-Hard (chosen to separate strong from weak models) is
 *       high except its creative-writing prompts, medium.</li>
 * </ul>
 * These keep EVALUATION.md §2's split (SHA-256 of the id; the intent sets' own test split), which the quality
 * router's evaluation also uses. Stateless.
 */
public final class RoutingSources {
    /** Creative-writing groups: Arena-Hard's label and MT-Bench's categories. */
    public static final Set<String> CREATIVE = Set.of("creative_writing", "writing", "roleplay");

    private RoutingSources() {
    }

    /** Reads and labels everything under the routing data folder. */
    public static List<CorpusRow> read(Path dir, ComplexityCalibration calibration) {
        List<CorpusRow> rows = new ArrayList<>();
        for (OutcomeRow row : OutcomeReaders.routeLlmMmlu(dir).rows()) {
            Domain domain = switch (row.label("domain_group").orElse("other")) {
                case "legal" -> Domain.LEGAL;
                case "medical" -> Domain.MEDICAL;
                case "finance_business" -> Domain.FINANCIAL;
                default -> Domain.OTHER;
            };
            rows.add(exam(row.id(), row.text(), "mmlu", row.label("subject").orElse(""), domain,
                    calibration.level("mmlu", ""), row.split()));
        }
        for (OutcomeRow row : OutcomeReaders.mmluPro(dir).rows()) {
            String category = row.label("category").orElse("");
            Domain domain = switch (category) {
                case "law" -> Domain.LEGAL;
                case "health" -> Domain.MEDICAL;
                case "business", "economics" -> Domain.FINANCIAL;
                default -> Domain.OTHER;
            };
            rows.add(exam("mmlupro." + row.id(), row.text(), "mmlu-pro", category, domain,
                    calibration.level("mmlu-pro", category), dev.gapwise.routing.lab.data.Split.of(row.id())));
        }
        for (OutcomeRow row : OutcomeReaders.routeLlmGsm8k(dir).rows()) {
            rows.add(exam(row.id(), row.text(), "gsm8k", "", Domain.OTHER, calibration.level("gsm8k", ""),
                    row.split()));
        }
        for (OutcomeRow row : OutcomeReaders.mtBench(dir).rows()) {
            rows.add(new CorpusRow("mtbench." + row.id(), row.text(), "", "mt-bench", row.group(), Use.TRAIN,
                    Stakes.ROUTINE, Domain.OTHER, CREATIVE.contains(row.group()) ? Task.CREATIVE : Task.GENERAL,
                    calibration.level("mt-bench", row.group()), OptionalDouble.empty(), row.split()));
        }
        for (LabeledText text : LabeledTextReaders.arenaHard(dir)) {
            boolean creative = CREATIVE.contains(text.label());
            rows.add(new CorpusRow(text.id(), text.text(), "", "arena-hard", text.label(), Use.TRAIN, Stakes.ROUTINE,
                    Domain.OTHER, creative ? Task.CREATIVE : Task.GENERAL,
                    Optional.of(creative ? Complexity.MEDIUM : Complexity.HIGH), OptionalDouble.empty(),
                    text.split()));
        }
        for (LabeledText text : LabeledTextReaders.banking77(dir)) {
            rows.add(intent(text, "banking77"));
        }
        for (LabeledText text : LabeledTextReaders.clinc150(dir)) {
            rows.add(intent(text, "clinc150"));
        }
        return rows;
    }

    private static CorpusRow exam(String id, String text, String source, String group, Domain domain,
                                  Optional<Complexity> complexity, dev.gapwise.routing.lab.data.Split split) {
        return new CorpusRow(id, text, "", source, group, Use.TRAIN,
                domain == Domain.OTHER ? Stakes.ROUTINE : Stakes.HIGH, domain, Task.EXAM, complexity,
                OptionalDouble.empty(), split);
    }

    private static CorpusRow intent(LabeledText text, String source) {
        Task task = source.equals("clinc150") && text.label().equals("small_talk") ? Task.SMALL_TALK : Task.INTENT;
        return new CorpusRow(text.id(), text.text(), "", source, text.label(), Use.TRAIN, Stakes.ROUTINE,
                Domain.OTHER, task, Optional.of(Complexity.LOW), OptionalDouble.empty(), text.split());
    }
}
