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

    private final Map<String, String> words;
    private final Map<String, String> prefixes;
    private final Map<String, String> phrases;

    private RiskTerms(Map<String, String> words, Map<String, String> prefixes, Map<String, String> phrases) {
        this.words = Map.copyOf(words);
        this.prefixes = Map.copyOf(prefixes);
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
        Map<String, String> words = new HashMap<>();
        Map<String, String> prefixes = new HashMap<>();
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
            String term = parts[1].toLowerCase(Locale.ROOT);
            if (term.contains(" ")) {
                phrases.put(term, parts[0]);
            } else if (term.endsWith("*")) {
                prefixes.put(term.substring(0, term.length() - 1), parts[0]);
            } else {
                words.put(term, parts[0]);
            }
        }
        return new RiskTerms(words, prefixes, phrases);
    }

    /** The first high-stakes term in the text, if any. */
    public Optional<Match> find(String text) {
        String previous = null;
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && isWordChar(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            Optional<Match> match = matchWord(word);
            if (match.isEmpty() && previous != null) {
                String phrase = previous + " " + word;
                String domain = phrases.get(phrase);
                if (domain == null && word.endsWith("s")) {
                    domain = phrases.get(phrase.substring(0, phrase.length() - 1));
                }
                match = domain == null ? Optional.empty() : Optional.of(new Match(domain, phrase));
            }
            if (match.isPresent()) {
                return match;
            }
            previous = word;
        }
        return Optional.empty();
    }

    private Optional<Match> matchWord(String word) {
        String domain = words.get(word);
        if (domain != null) {
            return Optional.of(new Match(domain, word));
        }
        for (int end = Math.min(word.length(), 16); end >= 3; end--) {
            domain = prefixes.get(word.substring(0, end));
            if (domain != null) {
                return Optional.of(new Match(domain, word.substring(0, end) + "*"));
            }
        }
        return Optional.empty();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }
}
