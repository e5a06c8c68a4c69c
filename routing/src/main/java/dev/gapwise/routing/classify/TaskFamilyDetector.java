package dev.gapwise.routing.classify;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which task family of the catalog a request belongs to, for tiers that judge a model by its lag on the request's
 * task ({@code lag_by_task}): {@code vision} when it carries images, {@code coding} when it holds a code block or
 * names programming work, {@code math} when it is made of equations or names a proof or a calculation; otherwise none
 * (the tier's own index applies). Rules, not a model: they are cheap, and each decision can say which word decided.
 * Stateless.
 */
public final class TaskFamilyDetector {
    /** A detected family and the evidence. */
    public record Detected(String family, String evidence) {
    }

    private static final Set<String> CODING = Set.of("code", "coding", "function", "functions", "python", "java",
            "javascript", "typescript", "rust", "golang", "sql", "regex", "bug", "debug", "compile", "compiler",
            "refactor", "algorithm", "api", "class", "method", "script", "bash", "dockerfile", "kubernetes", "stacktrace",
            "exception", "implement", "unittest", "repo", "git");
    private static final Set<String> MATH = Set.of("prove", "proof", "theorem", "lemma", "integral", "derivative",
            "equation", "equations", "solve", "calculate", "probability", "matrix", "eigenvalue", "polynomial");

    private TaskFamilyDetector() {
    }

    /** The family of a request, if one applies; {@code media} is whether it carries images. */
    public static Optional<Detected> detect(RequestText text, boolean media) {
        if (media) {
            return Optional.of(new Detected("vision", "the request carries images"));
        }
        String all = text.joined();
        if (all.contains("```")) {
            return Optional.of(new Detected("coding", "a code block"));
        }
        for (String word : text.instruction().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#]+")) {
            if (CODING.contains(word)) {
                return Optional.of(new Detected("coding", "the word '" + word + "'"));
            }
            if (MATH.contains(word)) {
                return Optional.of(new Detected("math", "the word '" + word + "'"));
            }
        }
        return Optional.empty();
    }
}
