package dev.gapwise.routing.lab.corpus;

import java.util.Locale;

/** What a request asks for: the routine task types the evaluation reports escalation for, and the others. */
public enum Task {
    /** Advice, an assessment, a decision or an interpretation of the asker's situation. */
    ADVICE("advice"),
    EMAIL("email"),
    /** CRM, calendar, project-management and other workplace-assistant requests. */
    CRM("crm"),
    FORMATTING("formatting"),
    EXTRACTION("extraction"),
    SUMMARY("summary"),
    /** Grammar and spelling correction, polishing, paraphrasing and tone rewriting. */
    CORRECTION("correction"),
    TRANSLATION("translation"),
    SMALL_TALK("small_talk"),
    /** General knowledge and how-to questions, explanations, brainstorming. */
    GENERAL("general"),
    CODE("code"),
    CREATIVE("creative"),
    /** Analysis of data or text the user gives. */
    ANALYSIS("analysis"),
    /** Documents other than emails: posts, notices, job ads, descriptions, letters, policies. */
    DRAFTING("drafting"),
    /** Exam-style questions (MMLU, MMLU-Pro, GSM8K). */
    EXAM("exam"),
    /** Short intents to a task assistant (Banking77, CLINC150). */
    INTENT("intent");

    private final String id;

    Task(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses a file value; unknown values are an error naming them. */
    public static Task parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (Task task : values()) {
            if (task.id.equals(wanted)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + value + "'");
    }
}
