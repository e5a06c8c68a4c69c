package dev.gapwise.routing.lab.corpus;

import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;
import dev.gapwise.routing.Complexity;
import dev.gapwise.routing.lab.data.Split;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Readers of {@code shared/data/routing-chat/} (its SOURCES.md): one method per file, each row labelled with its
 * stakes, domain and task, and marked trainable or evaluation-only by its licence (SOURCES.md, "Which files may
 * train a shipped model"). Trainable rows are split by the hash of their text key, so a text never lands on both
 * sides. Stateless.
 */
public final class ChatSources {
    /** Self-Instruct seed tasks that ask for legal or medical advice. */
    private static final Map<String, Domain> SEED_ADVICE = Map.of("ask_for_law", Domain.LEGAL, "sue_or_not",
            Domain.LEGAL, "medicine_suggestion", Domain.MEDICAL);
    /** Self-Instruct user-oriented apps whose tasks are routine work on text, with their task type. */
    private static final Map<String, Task> ROUTINE_APPS = Map.ofEntries(Map.entry("Gmail", Task.EMAIL),
            Map.entry("Grammarly", Task.CORRECTION), Map.entry("Notion", Task.DRAFTING), Map.entry("Jira", Task.CRM),
            Map.entry("MS Excel", Task.FORMATTING), Map.entry("Google Sheets", Task.FORMATTING),
            Map.entry("Google Docs", Task.DRAFTING), Map.entry("LinkedIn", Task.DRAFTING),
            Map.entry("Messenger", Task.SMALL_TALK), Map.entry("Overleaf", Task.FORMATTING),
            Map.entry("Twitter", Task.DRAFTING), Map.entry("Instagram", Task.DRAFTING),
            Map.entry("Blogger", Task.DRAFTING), Map.entry("MS Powerpoint", Task.DRAFTING));

    private ChatSources() {
    }

    /**
     * Every file of the folder, in SOURCES.md's order except WizardLM before FLASK: FLASK repeats 216 of the 218
     * WizardLM prompts, and deduplication keeps the first, so both difficulty scales keep their rows.
     */
    public static List<CorpusRow> read(Path dir) {
        List<CorpusRow> rows = new ArrayList<>();
        rows.addAll(medicalConsumer(dir));
        rows.addAll(clinician(dir));
        rows.addAll(patientMessages(dir));
        rows.addAll(legalLayperson(dir));
        rows.addAll(fiqa(dir));
        rows.addAll(redditPersonalFinance(dir));
        rows.addAll(autoJ(dir, "autoj_scenario_prompts.csv"));
        rows.addAll(autoJ(dir, "autoj_eval_prompts.csv"));
        rows.addAll(workbench(dir));
        rows.addAll(selfInstruct(dir));
        rows.addAll(unlabelled(dir, "instructionwild_user_prompts.csv", "instructionwild", "instruction_type"));
        rows.addAll(unlabelled(dir, "alpacaeval_prompts.csv", "alpacaeval", "dataset"));
        rows.addAll(wizardLm(dir));
        rows.addAll(flask(dir));
        rows.addAll(followBench(dir));
        return rows;
    }

    /** Consumer health questions; only the CC BY rows (MeQSum, MEDIQA 2021, RQE) may train. */
    static List<CorpusRow> medicalConsumer(Path dir) {
        return high(dir, "medical_consumer_questions.csv", "medical-consumer", "origin", Domain.MEDICAL,
                row -> row.text("license").startsWith("CC BY 4.0") ? Use.TRAIN : Use.EVALUATION_ONLY);
    }

    /** Clinicians' questions (CC BY 4.0). */
    static List<CorpusRow> clinician(Path dir) {
        return high(dir, "medical_clinician_questions.csv", "clinician", "origin", Domain.MEDICAL, row -> Use.TRAIN);
    }

    /** Synthetic "Doctor, I …" patient messages (Apache-2.0). */
    static List<CorpusRow> patientMessages(Path dir) {
        return high(dir, "medical_synthetic_patient_messages.csv", "patient-messages", "origin", Domain.MEDICAL,
                row -> Use.TRAIN);
    }

    /** Learned Hands layperson legal posts (CC BY-NC-SA: evaluation only). */
    static List<CorpusRow> legalLayperson(Path dir) {
        return high(dir, "legal_layperson_posts.csv", "legal-layperson", "issue_areas_yes", Domain.LEGAL,
                row -> Use.EVALUATION_ONLY);
    }

    /** FiQA personal-finance question titles (no stated licence: evaluation only). */
    static List<CorpusRow> fiqa(Path dir) {
        return high(dir, "finance_fiqa_questions.csv", "fiqa", "asker", Domain.FINANCIAL, row -> Use.EVALUATION_ONLY);
    }

    /** r/personalfinance posts (no stated licence: evaluation only). */
    static List<CorpusRow> redditPersonalFinance(Path dir) {
        return high(dir, "finance_reddit_personalfinance_posts.csv", "reddit-pf", "listing", Domain.FINANCIAL,
                row -> Use.EVALUATION_ONLY);
    }

    /**
     * Auto-J queries (no stated licence: evaluation only), by scenario: work on text is routine; drafting a legal
     * document is high-stakes (its wording decides rights); advice, general questions and the rest are unlabelled
     * (they mix everyday and high-stakes questions).
     */
    static List<CorpusRow> autoJ(Path dir, String file) {
        List<CorpusRow> rows = new ArrayList<>();
        for (CsvRow row : CsvTable.read(dir.resolve(file)).require("id", "text", "scenario").rows()) {
            String scenario = row.requiredText("scenario");
            Task task = autoJTask(scenario);
            Stakes stakes = scenario.equals("writing_legal_document") ? Stakes.HIGH
                    : isRoutineWork(task) ? Stakes.ROUTINE : Stakes.UNLABELLED;
            Domain domain = scenario.equals("writing_legal_document") ? Domain.LEGAL : Domain.OTHER;
            rows.add(evaluationRow("autoj." + row.requiredText("id"), row.requiredText("text"), "autoj", scenario,
                    stakes, domain, task, OptionalDouble.empty()));
        }
        return rows;
    }

    /** WorkBench workplace requests (MIT): routine CRM/email/calendar work, low complexity. */
    static List<CorpusRow> workbench(Path dir) {
        List<CorpusRow> rows = new ArrayList<>();
        for (CsvRow row : CsvTable.read(dir.resolve("workbench_workplace_requests.csv"))
                .require("id", "text", "task_domain").rows()) {
            String text = row.requiredText("text");
            rows.add(trainRow("workbench." + row.requiredText("id"), text, "workbench", row.text("task_domain"),
                    Stakes.ROUTINE, Domain.OTHER, row.text("task_domain").equals("email") ? Task.EMAIL : Task.CRM,
                    Optional.of(Complexity.LOW), OptionalDouble.empty()));
        }
        return rows;
    }

    /**
     * Self-Instruct: the seed tasks (Apache-2.0) may train; the user-oriented set asks not to be trained on, so it
     * is evaluation only (routine for apps whose tasks are work on text, else unlabelled).
     */
    static List<CorpusRow> selfInstruct(Path dir) {
        List<CorpusRow> rows = new ArrayList<>();
        for (CsvRow row : CsvTable.read(dir.resolve("selfinstruct_tasks.csv")).require("id", "text", "label", "set")
                .rows()) {
            String id = "selfinstruct." + row.requiredText("id");
            String label = row.text("label");
            String text = row.requiredText("text");
            if (row.text("set").equals("seed_tasks")) {
                Domain advice = SEED_ADVICE.get(label);
                rows.add(trainRow(id, text, "selfinstruct-seed", label, advice == null ? Stakes.ROUTINE : Stakes.HIGH,
                        advice == null ? Domain.OTHER : advice, advice == null ? Task.GENERAL : Task.ADVICE,
                        Optional.empty(), OptionalDouble.empty()));
            } else {
                Task task = ROUTINE_APPS.get(label);
                rows.add(evaluationRow(id, text, "selfinstruct-user", label,
                        task == null ? Stakes.UNLABELLED : Stakes.ROUTINE, Domain.OTHER,
                        task == null ? Task.GENERAL : task, OptionalDouble.empty()));
            }
        }
        return rows;
    }

    /** Real prompts without stakes labels (evaluation only). */
    static List<CorpusRow> unlabelled(Path dir, String file, String source, String groupColumn) {
        List<CorpusRow> rows = new ArrayList<>();
        for (CsvRow row : CsvTable.read(dir.resolve(file)).require("id", "text").rows()) {
            rows.add(evaluationRow(source + "." + row.requiredText("id"), row.requiredText("text"), source,
                    row.text(groupColumn), Stakes.UNLABELLED, Domain.OTHER, Task.GENERAL, OptionalDouble.empty()));
        }
        return rows;
    }

    /** FLASK prompts with difficulty levels 1–5 (no stated licence: evaluation only). */
    static List<CorpusRow> flask(Path dir) {
        List<CorpusRow> rows = new ArrayList<>();
        for (CsvRow row : CsvTable.read(dir.resolve("flask_prompts_difficulty.csv"))
                .require("id", "text", "difficulty_level", "domain").rows()) {
            String level = row.text("difficulty_level");
            rows.add(evaluationRow("flask." + row.requiredText("id"), row.requiredText("text"), "flask",
                    row.text("domain"), Stakes.UNLABELLED, Domain.OTHER, Task.GENERAL,
                    level.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(level))));
        }
        return rows;
    }

    /** WizardLM test prompts with difficulty 1–10 (CC BY-NC: evaluation only). */
    static List<CorpusRow> wizardLm(Path dir) {
        List<CorpusRow> rows = new ArrayList<>();
        for (CsvRow row : CsvTable.read(dir.resolve("wizardlm_testset_difficulty.csv"))
                .require("id", "text", "skill", "difficulty").rows()) {
            rows.add(evaluationRow("wizardlm." + row.requiredText("id"), row.requiredText("text"), "wizardlm",
                    row.text("skill"), Stakes.UNLABELLED, Domain.OTHER, Task.GENERAL,
                    OptionalDouble.of(row.number("difficulty"))));
        }
        return rows;
    }

    /** FollowBench instructions with 0–5 added constraints (Apache-2.0): everyday tasks, routine, trainable. */
    static List<CorpusRow> followBench(Path dir) {
        List<CorpusRow> rows = new ArrayList<>();
        for (CsvRow row : CsvTable.read(dir.resolve("followbench_constraint_levels.csv"))
                .require("id", "text", "level", "constraint_category").rows()) {
            rows.add(trainRow("followbench." + row.requiredText("id"), row.requiredText("text"), "followbench",
                    row.text("constraint_category"), Stakes.ROUTINE, Domain.OTHER, Task.GENERAL, Optional.empty(),
                    OptionalDouble.of(row.number("level"))));
        }
        return rows;
    }

    /** Whether a task is work on text or data, routine by definition. */
    static boolean isRoutineWork(Task task) {
        return switch (task) {
            case EMAIL, CRM, FORMATTING, EXTRACTION, SUMMARY, CORRECTION, TRANSLATION, SMALL_TALK, CODE, CREATIVE,
                 ANALYSIS, DRAFTING -> true;
            case ADVICE, GENERAL, EXAM, INTENT -> false;
        };
    }

    /** Auto-J's scenario as a task type. */
    static Task autoJTask(String scenario) {
        return switch (scenario) {
            case "writing_email" -> Task.EMAIL;
            case "text_correction", "language_polishing", "paraphrasing", "instructional_rewriting",
                 "text_simplification" -> Task.CORRECTION;
            case "text_summarization", "note_summarization", "post_summarization" -> Task.SUMMARY;
            case "information_extraction", "keywords_extraction" -> Task.EXTRACTION;
            case "text_to_text_translation" -> Task.TRANSLATION;
            case "chitchat" -> Task.SMALL_TALK;
            case "data_analysis" -> Task.ANALYSIS;
            case "code_generation", "code_correction_rewriting", "explaining_code", "code_to_code_translation",
                 "code_simplification" -> Task.CODE;
            case "creative_writing", "writing_song_lyrics", "roleplay", "writing_cooking_recipe" -> Task.CREATIVE;
            case "functional_writing", "writing_social_media_post", "writing_product_description",
                 "writing_advertisement", "writing_marketing_materials", "writing_job_application",
                 "writing_presentation_script", "writing_blog_post", "writing_news_article",
                 "writing_technical_document", "writing_personal_essay", "writing_biography",
                 "writing_scientific_paper", "title_generation", "question_generation", "writing_legal_document" ->
                    Task.DRAFTING;
            case "seeking_advice", "value_judgement", "recommendation", "planning" -> Task.ADVICE;
            default -> Task.GENERAL;
        };
    }

    private static List<CorpusRow> high(Path dir, String file, String source, String groupColumn, Domain domain,
                                        Function<CsvRow, Use> use) {
        List<CorpusRow> rows = new ArrayList<>();
        for (CsvRow row : CsvTable.read(dir.resolve(file)).require("id", "text", "license").rows()) {
            String id = source + "." + row.requiredText("id");
            String group = row.text(groupColumn);
            rows.add(use.apply(row) == Use.TRAIN
                    ? trainRow(id, row.requiredText("text"), source, group, Stakes.HIGH, domain, Task.ADVICE,
                    Optional.empty(), OptionalDouble.empty())
                    : evaluationRow(id, row.requiredText("text"), source, group, Stakes.HIGH, domain, Task.ADVICE,
                    OptionalDouble.empty()));
        }
        return rows;
    }

    static CorpusRow trainRow(String id, String text, String source, String group, Stakes stakes, Domain domain,
                              Task task, Optional<Complexity> complexity, OptionalDouble difficulty) {
        return new CorpusRow(id, text, "", source, group, Use.TRAIN, stakes, domain, task, complexity, difficulty,
                Split.of("text:" + TextKey.of(text)));
    }

    private static CorpusRow evaluationRow(String id, String text, String source, String group, Stakes stakes,
                                           Domain domain, Task task, OptionalDouble difficulty) {
        return new CorpusRow(id, text, "", source, group, Use.EVALUATION_ONLY, stakes, domain, task, Optional.empty(),
                difficulty, Split.TEST);
    }

    /** The sources whose rows are real requests people sent (not exam questions, not synthetic). */
    public static final Set<String> REAL = Set.of("medical-consumer", "clinician", "legal-layperson", "fiqa",
            "reddit-pf", "autoj", "workbench", "selfinstruct-user", "instructionwild", "alpacaeval");
}
