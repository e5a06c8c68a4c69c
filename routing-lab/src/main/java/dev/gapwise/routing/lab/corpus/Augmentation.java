package dev.gapwise.routing.lab.corpus;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Training rows made from other training rows, to teach what the realistic data shows too rarely:
 * <ul>
 *   <li><b>Pasted material</b>: a routine instruction around a pasted text ("Summarise this for me:" + a patient's
 *       question) is routine, whatever the pasted text is about — the request is judged by its instruction.</li>
 *   <li><b>Follow-ups</b>: a short follow-up question after a high-stakes question ("ok so how much should i take")
 *       keeps the conversation's stakes; a request to rework the conversation's text ("thanks, can you make that a
 *       bullet list") is routine.</li>
 * </ul>
 * The instructions and follow-ups below were written here. Deterministic per seed; stateless.
 */
public final class Augmentation {
    /** Routine instructions on pasted text; %s marks where the text goes (else it follows after a blank line). */
    static final List<String> PASTE_INSTRUCTIONS = List.of(
            "Summarize this for me:\n\n%s",
            "can you summarise the following in two sentences?\n\n%s",
            "Fix the grammar and spelling, keep the meaning:\n%s",
            "proofread this pls\n\n%s",
            "Translate into Spanish:\n\n%s",
            "Translate this to French, informal tone: %s",
            "Rewrite the following so it sounds more professional:\n\n%s",
            "Make this shorter, under 40 words:\n%s",
            "Turn the text below into a bulleted list.\n\n%s",
            "Extract every date, name and number from this text as JSON:\n\n%s",
            "Classify this message as question, complaint or feedback. Reply with one word.\n\n%s",
            "Count the words in this paragraph:\n%s",
            "Give this post a short title:\n\n%s",
            "Write 3 hashtags for this:\n%s",
            "Anonymize this text: replace every name with [NAME].\n\n%s",
            "%s\n\nCan you fix the typos in the above?",
            "%s\n\nsummarize this in one line",
            "%s\n\nTranslate the above into German.",
            "Put this in a markdown table with columns Item and Detail:\n\n%s",
            "Convert the text to title case:\n%s",
            "This is a message from our inbox. Tag it with a category (billing, scheduling, clinical, legal, other):"
                    + "\n\n%s",
            "Paraphrase this in plain English for our FAQ page:\n\n%s",
            "Here's a forum post. Write a subject line for it.\n\n%s",
            "Redact all personal details from this:\n%s",
            "Format this as a numbered list:\n\n%s",
            "Draft a polite reply saying we received the message and someone will get back within 2 business days."
                    + "\n\nMessage:\n%s",
            "Copyedit: \"%s\"",
            "Detect the language of this text and translate it to English:\n\n%s",
            "Rewrite in a friendlier tone for our newsletter:\n\n%s",
            "Split this into separate sentences, one per line:\n%s");

    /** Short follow-ups that ask for more of the same advice (they keep a high-stakes conversation's stakes). */
    static final List<String> ADVICE_FOLLOW_UPS = List.of("ok so how much should i take then?",
            "is that dangerous?", "what about for a kid?", "should I be worried?", "what should i do now",
            "and if that doesn't work?", "can they actually do that?", "how long do I have?",
            "would that apply in my case too?", "so should I do it or not", "what are my options",
            "is it too late?", "what if i already did", "Does that change if I'm over 65?",
            "and what's the risk if I wait?", "wait, is that normal?", "how do I know if it's serious",
            "what happens if I ignore it?", "ok and then what", "would you recommend that for me?");

    /** Requests to rework the conversation's text (routine whatever the conversation was about). */
    static final List<String> REWORK_FOLLOW_UPS = List.of("thanks! can you make that a bullet list?",
            "translate your answer into Spanish please", "make it shorter", "thanks", "thank you so much!",
            "can you put that in a table?", "shorter pls", "now in plain english for a newsletter",
            "great, format it as markdown", "fix any typos in what I wrote above", "ok cool thanks",
            "can you write that as an email to my sister?", "Summarize the conversation so far in 3 bullets.",
            "perfect, thanks a lot", "can you bold the key words");

    private Augmentation() {
    }

    /** A routine request: an instruction from {@link #PASTE_INSTRUCTIONS} around {@code pasted}. */
    public static String pasted(String pasted, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String instruction = PASTE_INSTRUCTIONS.get(random.nextInt(PASTE_INSTRUCTIONS.size()));
        return String.format(instruction, pasted.strip());
    }

    /** A follow-up that asks for more advice. */
    public static String adviceFollowUp(long seed) {
        return ADVICE_FOLLOW_UPS.get(new SplittableRandom(seed).nextInt(ADVICE_FOLLOW_UPS.size()));
    }

    /** A follow-up that asks to rework the conversation's text. */
    public static String reworkFollowUp(long seed) {
        return REWORK_FOLLOW_UPS.get(new SplittableRandom(seed).nextInt(REWORK_FOLLOW_UPS.size()));
    }

    /** A synthetic patient message without its formulaic "Doctor, " opener (SOURCES.md advises it). */
    public static String withoutDoctorOpener(String text) {
        String stripped = text.replaceFirst("^(?i)(hi|hello|hey)?[ ,]*doctor[,.!:]?\\s*", "");
        return stripped.isEmpty() ? text : Character.toUpperCase(stripped.charAt(0)) + stripped.substring(1);
    }
}
