package dev.gapwise.routing.classify;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The text of a request as the classifiers read it: the <b>instruction</b> (what the user asks for), the
 * <b>pasted</b> material it works on (an email to rewrite, a table to reformat, a document to summarise) and the
 * <b>context</b> (the conversation's earlier user turns). A request is judged by its instruction: "Summarize this
 * email from my landlord: …" asks for a summary whatever the email says, so the pasted text's topic must not decide
 * the tier. Pasted text and context still count, as separate and lighter features ({@link TextFeatures}).
 *
 * <p>How the latest turn is split (first rule that applies):
 * <ol>
 *   <li>fenced ({@code ```}) or triple-quoted blocks and lines quoted with {@code >} are pasted;</li>
 *   <li>a line that labels material ({@code Input:}, {@code Text:}, {@code Email:}, … alone or followed by the
 *       material) starts the pasted part;</li>
 *   <li>a colon early in the text, after words that name a task on text ("Fix the grammar: their going…",
 *       "Extract the date and amount from: Invoice #4411 …"), starts the pasted part;</li>
 *   <li>paragraphs: a short first (or last) paragraph that names a task on text and refers to material ("Can you
 *       summarise this?", "Rewrite the following in a friendlier tone") is the instruction, the other paragraphs
 *       are pasted.</li>
 * </ol>
 * A question about one's own situation ("401k provider lost my funds. What do I do?" followed by the story) names
 * no task on text, so it stays whole: its story is the question, not pasted material. Immutable.
 *
 * @param instruction the instruction (the whole latest turn when nothing was pasted)
 * @param pasted      the pasted material, or ""
 * @param context     earlier user turns of the conversation, oldest first, or ""
 */
public record RequestText(String instruction, String pasted, String context) {
    /** Earlier turns longer than this keep their most recent characters. */
    static final int MAX_CONTEXT = 1_500;
    private static final int MAX_INSTRUCTION_BEFORE_COLON = 160;
    private static final int MAX_INSTRUCTION_PARAGRAPH = 300;

    /** Verbs (and a few nouns) that name work on given text or data. */
    private static final Set<String> TASK_WORDS = Set.of("summarize", "summarise", "summary", "summarizing", "tldr",
            "tl", "proof", "translate", "translation", "fix", "correct", "proofread", "rewrite", "rephrase", "paraphrase",
            "reword", "edit", "polish", "improve", "shorten", "condense", "simplify", "expand", "extract", "pull",
            "parse", "list", "format", "reformat", "convert", "turn", "make", "put", "organize", "organise", "sort",
            "clean", "tidy", "classify", "categorize", "categorise", "tag", "label", "count", "tabulate", "table",
            "reply", "respond", "answer", "draft", "write", "compose", "grammar", "spelling", "spellcheck", "check",
            "highlight", "identify", "find", "outline", "bullet", "bullets", "headline", "title", "caption", "review",
            "analyze", "analyse", "compare", "transcribe", "dedupe", "merge", "split", "redact", "anonymize",
            "anonymise", "explain", "describe", "generate", "create", "give");
    /** Words that point at material given with the request. */
    private static final Set<String> REFERENCE_WORDS = Set.of("this", "these", "following", "below", "above", "it",
            "text", "email", "message", "note", "notes", "paragraph", "passage", "article", "document", "list",
            "table", "data", "csv", "json", "sentence", "sentences", "letter", "post", "transcript", "thread",
            "snippet", "content", "draft", "copy", "here", "attached", "pasted", "log", "invoice", "receipt");
    private static final Set<String> MATERIAL_LABELS = Set.of("input", "text", "email", "message", "note", "notes",
            "data", "article", "post", "passage", "paragraph", "context", "document", "letter", "transcript",
            "original", "draft", "content", "table", "csv", "json", "sentence", "sentences", "thread", "review",
            "reviews", "invoice", "receipt", "source", "excerpt", "chat", "conversation");

    public RequestText {
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(pasted, "pasted");
        Objects.requireNonNull(context, "context");
    }

    /** A single-turn request, split into instruction and pasted material. */
    public static RequestText of(String latestTurn) {
        return of(latestTurn, "");
    }

    /** The latest user turn, split, with the conversation's earlier user turns as context. */
    public static RequestText of(String latestTurn, String earlierTurns) {
        String context = earlierTurns.length() <= MAX_CONTEXT ? earlierTurns.strip()
                : earlierTurns.substring(earlierTurns.length() - MAX_CONTEXT).strip();
        String text = latestTurn.strip();
        int[] cut = pastedRange(text);
        if (cut == null) {
            return new RequestText(text, "", context);
        }
        String instruction = (text.substring(0, cut[0]) + "\n" + text.substring(cut[1])).strip();
        String pasted = text.substring(cut[0], cut[1]).strip();
        if (instruction.isEmpty() || pasted.isEmpty()) {
            return new RequestText(text, "", context);
        }
        return new RequestText(instruction, pasted, context);
    }

    /** Whether anything was pasted. */
    public boolean hasPasted() {
        return !pasted.isEmpty();
    }

    /** Everything, instruction first (for models that read one string). */
    public String joined() {
        StringBuilder all = new StringBuilder(instruction);
        if (!pasted.isEmpty()) {
            all.append("\n\n").append(pasted);
        }
        return all.toString();
    }

    /** Total characters of the latest turn (instruction and pasted material). */
    public int length() {
        return instruction.length() + pasted.length();
    }

    /**
     * [start, end) of the pasted material in the text, or null when the whole text is the instruction: a fenced or
     * quoted block, else the earliest of a material label, a task colon and a task paragraph (the instruction comes
     * first in most requests), else a task paragraph at the end ("…pasted text…\n\nCan you fix the typos?").
     */
    private static int[] pastedRange(String text) {
        int[] fenced = fenced(text);
        if (fenced != null) {
            return fenced;
        }
        int[] earliest = null;
        for (int[] candidate : new int[][] {labelled(text), afterTaskColon(text), firstParagraph(text)}) {
            if (candidate != null && (earliest == null || candidate[0] < earliest[0])) {
                earliest = candidate;
            }
        }
        return earliest != null ? earliest : lastParagraph(text);
    }

    /** The first fenced or triple-quoted block, or the first run of lines quoted with '>'. */
    private static int[] fenced(String text) {
        for (String fence : new String[] {"```", "\"\"\"", "'''"}) {
            int open = text.indexOf(fence);
            if (open >= 0) {
                int close = text.indexOf(fence, open + fence.length());
                return new int[] {open, close < 0 ? text.length() : close + fence.length()};
            }
        }
        int start = -1;
        int end = -1;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            boolean quoted = text.startsWith(">", lineStart);
            if (quoted && start < 0) {
                start = lineStart;
            }
            if (!quoted && start >= 0 && end < 0) {
                end = lineStart;
            }
            lineStart = lineEnd + 1;
        }
        return start < 0 ? null : new int[] {start, end < 0 ? text.length() : end};
    }

    /** A line starting with a material label and a colon ("Email:", "Input: …") starts the pasted part. */
    private static int[] labelled(String text) {
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            int colon = text.indexOf(':', lineStart);
            if (lineStart > 0 && colon > lineStart && colon < lineEnd && colon - lineStart <= 24) {
                String label = text.substring(lineStart, colon).strip().toLowerCase(Locale.ROOT);
                String last = label.contains(" ") ? label.substring(label.lastIndexOf(' ') + 1) : label;
                if (MATERIAL_LABELS.contains(last) && label.split("\\s+").length <= 3) {
                    return new int[] {colon + 1, text.length()};
                }
            }
            lineStart = lineEnd + 1;
        }
        return null;
    }

    /** "Fix the grammar: their going…": a colon after words naming a task on text. */
    private static int[] afterTaskColon(String text) {
        int colon = text.indexOf(':');
        if (colon < 0 || colon > MAX_INSTRUCTION_BEFORE_COLON || colon + 1 >= text.length()) {
            return null;
        }
        String head = text.substring(0, colon);
        if (head.indexOf('\n') >= 0 && head.indexOf('\n') < head.strip().length() - 1 && head.lines().count() > 2) {
            return null;
        }
        String rest = text.substring(colon + 1).strip();
        if (rest.length() < 12 || isTimeOrRatio(text, colon)) {
            return null;
        }
        return namesTask(head, false) ? new int[] {colon + 1, text.length()} : null;
    }

    /** A short first paragraph that names a task on text and refers to material: the rest is pasted. */
    private static int[] firstParagraph(String text) {
        int firstBreak = blankLine(text, 0);
        if (firstBreak < 0) {
            return null;
        }
        String first = text.substring(0, firstBreak).strip();
        if (first.length() <= MAX_INSTRUCTION_PARAGRAPH && namesTask(first, true)
                && text.length() - firstBreak > first.length()) {
            return new int[] {firstBreak, text.length()};
        }
        return null;
    }

    /** A short last paragraph that names a task on text and refers to material: what comes before is pasted. */
    private static int[] lastParagraph(String text) {
        int lastBreak = lastBlankLine(text);
        String last = text.substring(lastBreak).strip();
        if (lastBreak > 0 && last.length() <= MAX_INSTRUCTION_PARAGRAPH && namesTask(last, true)
                && lastBreak > last.length()) {
            return new int[] {0, lastBreak};
        }
        return null;
    }

    /**
     * Whether the words name a task on text: a task word, and (when {@code needsReference}) a word pointing at
     * the material. Only the first 40 words are read.
     */
    static boolean namesTask(String words, boolean needsReference) {
        boolean task = false;
        boolean reference = !needsReference;
        int count = 0;
        for (String word : words.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (++count > 40) {
                break;
            }
            task |= TASK_WORDS.contains(word);
            reference |= REFERENCE_WORDS.contains(word);
        }
        return task && reference;
    }

    private static boolean isTimeOrRatio(String text, int colon) {
        return colon > 0 && colon + 1 < text.length() && Character.isDigit(text.charAt(colon - 1))
                && Character.isDigit(text.charAt(colon + 1));
    }

    private static int blankLine(String text, int from) {
        int at = text.indexOf("\n\n", from);
        return at < 0 ? -1 : at;
    }

    private static int lastBlankLine(String text) {
        int at = text.lastIndexOf("\n\n");
        return at < 0 ? 0 : at;
    }
}
