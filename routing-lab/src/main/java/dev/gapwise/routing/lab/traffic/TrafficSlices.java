package dev.gapwise.routing.lab.traffic;

import dev.gapwise.routing.lab.corpus.ChatSources;
import dev.gapwise.routing.lab.corpus.CorpusRow;
import dev.gapwise.routing.lab.corpus.Domain;
import dev.gapwise.routing.lab.corpus.Stakes;
import dev.gapwise.routing.lab.corpus.Task;
import dev.gapwise.routing.lab.corpus.Use;
import dev.gapwise.routing.lab.data.Split;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The named slices of held-out rows the realistic-traffic evaluation reports. High-stakes slices are measured on
 * evaluation-only rows where the licence makes them so (consumer medical questions outside the CC BY sources,
 * legal posts, personal-finance questions and posts) and on the held-out test split of trainable sources
 * (clinicians' questions, synthetic patient messages, written requests). Routine slices are the task types of
 * real users' queries (Auto-J scenarios, Self-Instruct's user-oriented apps), WorkBench's workplace requests and the
 * written routine requests, with the "tricky" ones — routine work that mentions health, law or money — apart.
 * Stateless.
 */
public final class TrafficSlices {
    /** Words that make a routine request "tricky": it mentions health, law or money. */
    static final Pattern MENTIONS = Pattern.compile("\\b(doctor|doctors|patient|patients|clinic|hospital|nurse|"
            + "medication|medicine|prescription|symptom|symptoms|diagnos\\w*|therapy|health|medical|dental|dentist|"
            + "lawyer|lawyers|attorney|legal|law|court|contract|contracts|lawsuit|lease|tenant|landlord|"
            + "invoice|invoices|payment|payments|tax|taxes|loan|loans|mortgage|bank|salary|budget|investment|"
            + "invest|insurance|money|price|prices|\\$\\d)", Pattern.CASE_INSENSITIVE);

    private TrafficSlices() {
    }

    /** High-stakes slices, by name. */
    public static Map<String, Predicate<CorpusRow>> highStakes() {
        Map<String, Predicate<CorpusRow>> slices = new LinkedHashMap<>();
        slices.put("medical, consumer questions (evaluation-only: MQP, MedicationQA, LiveQA, MEDIQA 2019)",
                evaluationOnly("medical-consumer"));
        slices.put("medical, clinicians' questions (RQE, held-out test split)", heldOut("clinician"));
        slices.put("medical, patient messages (synthetic, held-out test split)", heldOut("patient-messages"));
        slices.put("legal, layperson posts (evaluation-only: Learned Hands)", evaluationOnly("legal-layperson"));
        slices.put("financial, personal-finance questions (evaluation-only: FiQA)", evaluationOnly("fiqa"));
        slices.put("financial, personal-finance posts (evaluation-only: r/personalfinance)",
                evaluationOnly("reddit-pf"));
        slices.put("legal, document drafting (evaluation-only: Auto-J writing_legal_document)",
                row -> row.source().equals("autoj") && row.stakes() == Stakes.HIGH);
        for (Domain domain : List.of(Domain.MEDICAL, Domain.LEGAL, Domain.FINANCIAL)) {
            slices.put("written here, " + domain.id() + " (held-out test split)", row -> row.source().equals("written")
                    && row.split() == Split.TEST && row.stakes() == Stakes.HIGH && row.domain() == domain);
        }
        return slices;
    }

    /** The four real high-stakes slices the 0.98 recall target names. */
    public static List<String> targetSlices() {
        return highStakes().keySet().stream().limit(6).toList();
    }

    /** Routine slices, by name: real task types, workplace requests, written ones, the tricky ones, intents. */
    public static Map<String, Predicate<CorpusRow>> routine() {
        Map<String, Predicate<CorpusRow>> slices = new LinkedHashMap<>();
        for (Task task : List.of(Task.EMAIL, Task.CRM, Task.FORMATTING, Task.EXTRACTION, Task.SUMMARY,
                Task.CORRECTION, Task.TRANSLATION, Task.SMALL_TALK, Task.DRAFTING, Task.ANALYSIS, Task.CREATIVE,
                Task.CODE)) {
            slices.put("real users, " + task.id() + " (Auto-J, Self-Instruct apps, WorkBench)",
                    realRoutine().and(row -> row.task() == task));
        }
        slices.put("real users, routine work mentioning health, law or money", realRoutine().and(TrafficSlices::mentions));
        for (Task task : List.of(Task.EMAIL, Task.CRM, Task.FORMATTING, Task.EXTRACTION, Task.SUMMARY,
                Task.CORRECTION, Task.TRANSLATION, Task.SMALL_TALK, Task.DRAFTING, Task.GENERAL, Task.CODE)) {
            slices.put("written here, " + task.id(), writtenRoutine().and(row -> row.task() == task));
        }
        slices.put("written here, routine work mentioning medical, legal or financial matters",
                writtenRoutine().and(row -> row.domain() != Domain.OTHER));
        slices.put("Banking77 + CLINC150 (upstream test split)", row -> row.split() == Split.TEST
                && (row.source().equals("banking77") || row.source().equals("clinc150")));
        return slices;
    }

    /**
     * Whether a routine slice is one the escalation targets are about: the task types issue 7 names (email, CRM,
     * formatting, extraction, summaries, correction, small talk, and translation with them) and the tricky slices
     * that mention professions or money. Code, creative writing, drafting and data analysis are reported too, but a
     * cheap model falling short on code or analysis is what complexity means, so their climb above routine is the
     * policy working, not a target missed.
     */
    public static boolean targeted(String routineSlice) {
        return java.util.stream.Stream.of(Task.EMAIL, Task.CRM, Task.FORMATTING, Task.EXTRACTION, Task.SUMMARY,
                        Task.CORRECTION, Task.TRANSLATION, Task.SMALL_TALK)
                .anyMatch(task -> routineSlice.startsWith("real users, " + task.id() + " ")
                        || routineSlice.equals("written here, " + task.id()))
                || routineSlice.contains("mentioning");
    }

    /** Unlabelled real prompts (mixed: mostly everyday, some genuine advice questions), reported for information. */
    public static Map<String, Predicate<CorpusRow>> unlabelled() {
        Map<String, Predicate<CorpusRow>> slices = new LinkedHashMap<>();
        slices.put("Auto-J advice-seeking and planning", row -> row.source().equals("autoj")
                && row.stakes() == Stakes.UNLABELLED && row.task() == Task.ADVICE);
        slices.put("Auto-J general questions", row -> row.source().equals("autoj")
                && row.stakes() == Stakes.UNLABELLED && row.task() == Task.GENERAL);
        slices.put("InstructionWild user prompts", row -> row.source().equals("instructionwild"));
        slices.put("AlpacaEval instructions", row -> row.source().equals("alpacaeval"));
        return slices;
    }

    /** Whether a row mentions health, law or money. */
    static boolean mentions(CorpusRow row) {
        return MENTIONS.matcher(row.text().toLowerCase(Locale.ROOT)).find();
    }

    private static Predicate<CorpusRow> realRoutine() {
        return row -> row.stakes() == Stakes.ROUTINE && row.split() == Split.TEST
                && ChatSources.REAL.contains(row.source());
    }

    private static Predicate<CorpusRow> writtenRoutine() {
        return row -> row.source().equals("written") && row.split() == Split.TEST && row.stakes() == Stakes.ROUTINE;
    }

    private static Predicate<CorpusRow> evaluationOnly(String source) {
        return row -> row.source().equals(source) && row.use() == Use.EVALUATION_ONLY;
    }

    private static Predicate<CorpusRow> heldOut(String source) {
        return row -> row.source().equals(source) && row.split() == Split.TEST;
    }
}
