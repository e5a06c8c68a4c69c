package dev.gapwise.gateway.score;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-overlap similarity of two texts: the F1 of their bags of words (lower-cased runs of letters and digits), as
 * in extractive question-answering evaluation. 1 for the same words in any order, 0 for no shared word; two empty
 * texts are 1. Cheap and deterministic; it rewards the same content, not the same meaning in other words (that
 * is what the judge is for). Stateless.
 */
public final class Similarity {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Similarity() {
    }

    public static double of(String a, String b) {
        Map<String, Integer> left = words(a);
        Map<String, Integer> right = words(b);
        int leftCount = left.values().stream().mapToInt(Integer::intValue).sum();
        int rightCount = right.values().stream().mapToInt(Integer::intValue).sum();
        if (leftCount == 0 && rightCount == 0) {
            return 1;
        }
        if (leftCount == 0 || rightCount == 0) {
            return 0;
        }
        int common = 0;
        for (Map.Entry<String, Integer> entry : left.entrySet()) {
            common += Math.min(entry.getValue(), right.getOrDefault(entry.getKey(), 0));
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / rightCount;
        double recall = (double) common / leftCount;
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> words(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            counts.merge(matcher.group(), 1, Integer::sum);
        }
        return counts;
    }
}
