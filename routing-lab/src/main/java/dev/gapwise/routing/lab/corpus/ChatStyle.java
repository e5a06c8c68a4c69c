package dev.gapwise.routing.lab.corpus;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Rewrites exam-style prompts the way people type into a chat box: only the question stem (no lettered
 * options), often lower case, a "hey quick question" style wrapper, and a few typos. Used to augment training
 * data and to test robustness. Deterministic per seed; stateless.
 */
public final class ChatStyle {
    private static final List<String> OPENERS = List.of("hey quick question: ", "hi! ", "so ", "ok so ",
            "can you help me with this? ", "question - ", "i need help: ", "hello, ", "", "quick one: ");
    private static final List<String> CLOSERS = List.of("", " thanks!", " pls", " thx", "?", " any idea?", "");

    private ChatStyle() {
    }

    /**
     * Every wrapper {@link #rewrite} can put around a prompt, alone and stripped: each opener, each closer and each
     * pair ("hi!", "hey quick question:", "thx", "hello, any idea?"), in a fixed order.
     */
    public static List<String> wrappers() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        for (String opener : OPENERS) {
            for (String closer : CLOSERS) {
                String wrapper = (opener + closer).strip();
                if (!wrapper.isEmpty()) {
                    all.add(wrapper);
                }
            }
        }
        return List.copyOf(all);
    }

    /** The question without its lettered options (text before a line starting with "A." or "(A)"). */
    public static String stem(String text) {
        int cut = indexOfOptions(text);
        return (cut < 0 ? text : text.substring(0, cut)).strip();
    }

    /** A chat-style rewrite of a prompt, chosen by {@code seed}. */
    public static String rewrite(String text, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String body = stem(text);
        if (random.nextInt(3) > 0) {
            body = body.toLowerCase(Locale.ROOT);
        }
        body = typos(body, random, 0.06);
        return OPENERS.get(random.nextInt(OPENERS.size())) + body + CLOSERS.get(random.nextInt(CLOSERS.size()));
    }

    /** Swaps or drops a letter in about {@code rate} of the words longer than four letters. */
    public static String typos(String text, SplittableRandom random, double rate) {
        StringBuilder out = new StringBuilder(text.length());
        for (String word : text.split(" ", -1)) {
            if (word.length() > 4 && random.nextDouble() < rate) {
                int at = 1 + random.nextInt(word.length() - 2);
                word = random.nextBoolean()
                        ? word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2)
                        : word.substring(0, at) + word.substring(at + 1);
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    private static int indexOfOptions(String text) {
        int newline = text.indexOf('\n');
        while (newline >= 0 && newline + 2 < text.length()) {
            String rest = text.substring(newline + 1);
            if (rest.startsWith("A.") || rest.startsWith("A)") || rest.startsWith("(A)")) {
                return newline;
            }
            newline = text.indexOf('\n', newline + 1);
        }
        return -1;
    }
}
