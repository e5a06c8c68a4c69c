package dev.gapwise.routing.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An explicit list of high-stakes terms (resource {@code risk-terms.txt}): the second signal of the risk gate,
 * because the exam-style training data (MMLU, MMLU-Pro) does not teach the model how people ask legal or medical
 * questions in a chat box. A match names the term, so the decision can say why. Immutable and thread-safe.
 */
public final class RiskTerms {
    /** Resource name of the bundled list. */
    public static final String RESOURCE = "risk-terms.txt";

    /** A matched term and its domain. */
    public record Match(String domain, String term) {
    }

    /**
     * A trie node over lower-case characters; terminal data says what ends here. ASCII children sit in an array
     * (every character of a request passes through {@link #next}, a long prompt hundreds of thousands), others in
     * a map.
     */
    private static final class Node {
        private Node[] ascii;
        private final Map<Character, Node> other = new HashMap<>();
        String wordDomain;
        String prefixDomain;
        boolean phraseStart;

        Node next(char c) {
            if (c < 128) {
                return ascii == null ? null : ascii[c];
            }
            return other.get(c);
        }

        Node child(char c) {
            Node child = next(c);
            if (child == null) {
                child = new Node();
                if (c < 128) {
                    if (ascii == null) {
                        ascii = new Node[128];
                    }
                    ascii[c] = child;
                } else {
                    other.put(c, child);
                }
            }
            return child;
        }
    }

    private final Node root;
    private final Map<String, String> phrases;

    private RiskTerms(Node root, Map<String, String> phrases) {
        this.root = root;
        this.phrases = Map.copyOf(phrases);
    }

    /** The list shipped in the jar. */
    public static RiskTerms bundled() {
        InputStream in = RiskTerms.class.getClassLoader().getResourceAsStream("gapwise/routing/" + RESOURCE);
        if (in == null) {
            throw new IllegalStateException("bundled gapwise/routing/" + RESOURCE + " is missing (a broken build?)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses lines of "domain term"; '#' starts a comment. */
    public static RiskTerms parse(java.util.List<String> lines) {
        Node root = new Node();
        Map<String, String> phrases = new HashMap<>();
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String[] parts = stripped.split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException("risk term line needs 'domain term': " + line);
            }
            String term = parts[1].toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            if (term.contains(" ")) {
                phrases.put(term, parts[0]);
                insert(root, term.substring(0, term.indexOf(' '))).phraseStart = true;
            } else if (term.endsWith("*")) {
                insert(root, term.substring(0, term.length() - 1)).prefixDomain = parts[0];
            } else {
                insert(root, term).wordDomain = parts[0];
            }
        }
        return new RiskTerms(root, phrases);
    }

    private static Node insert(Node root, String word) {
        Node node = root;
        for (char c : word.toCharArray()) {
            node = node.child(c);
        }
        return node;
    }

    /**
     * The first high-stakes term in the text, if any. Walks each word through the trie without allocating; only a
     * word that starts a listed phrase is turned into a string, to check the phrase.
     */
    public Optional<Match> find(String text) {
        String phraseFirst = null;
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            Node node = root;
            int prefixEnd = -1;
            String prefixDomain = null;
            while (i < length && isWordChar(text.charAt(i))) {
                if (node != null) {
                    node = node.next(fold(text.charAt(i)));
                    if (node != null && node.prefixDomain != null) {
                        prefixEnd = i + 1;
                        prefixDomain = node.prefixDomain;
                    }
                }
                i++;
            }
            if (node != null && node.wordDomain != null) {
                return Optional.of(new Match(node.wordDomain, lower(text, start, i)));
            }
            if (prefixDomain != null) {
                return Optional.of(new Match(prefixDomain, lower(text, start, prefixEnd) + "*"));
            }
            if (phraseFirst != null) {
                String word = lower(text, start, i);
                String phrase = phraseFirst + " " + word;
                String domain = phrases.get(phrase);
                if (domain == null && word.endsWith("s")) {
                    phrase = phrase.substring(0, phrase.length() - 1);
                    domain = phrases.get(phrase);
                }
                if (domain != null) {
                    return Optional.of(new Match(domain, phrase));
                }
            }
            phraseFirst = node != null && node.phraseStart ? lower(text, start, i) : null;
        }
        return Optional.empty();
    }

    private static String lower(String text, int start, int end) {
        return text.substring(start, end).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    /** Lower case, with the typographic apostrophe read as the plain one (ASCII without a table look-up). */
    private static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return c == '\u2019' ? '\'' : Character.toLowerCase(c);
    }

    /**
     * Letters, digits, hyphens and apostrophes. Every character of a request's text passes here (a long prompt is
     * hundreds of thousands), so ASCII is answered from a table; only other characters ask {@link Character}.
     */
    private static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD[c] : c == '\u2019' || Character.isLetterOrDigit(c);
    }

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c) || c == '-' || c == '\'';
        }
    }
}
