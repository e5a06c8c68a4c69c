package dev.gapwise.gateway.score;

import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks that decide a pair without reading it closely, in this order: an empty candidate; a refusal (the
 * candidate refuses where the reference answers; both refusing is a match); tool calls (the same functions with the
 * same canonical arguments, in order); structured output (the candidate must be JSON and fit the request's schema,
 * then it must equal the reference leaf by leaf, key order aside; the share of equal leaves is its similarity); length (a candidate under a fifth or over five times the
 * reference's length, when the reference has at least 40 characters). Empty when none decides. Stateless.
 */
final class CheapChecks {
    static final int MIN_LENGTH_CHECKED = 40;
    static final double LENGTH_RATIO = 5;

    private static final Pattern REFUSAL = Pattern.compile("(?i)^\\W*(?:i'?m sorry,? but i (?:can(?:'|no)t|won'?t)"
            + "|i am sorry,? but i (?:can(?:'|no)t|won'?t)|i can(?:'|no)t (?:help|assist|comply|provide|do that)"
            + "|i(?:'m| am) (?:unable|not able) to (?:help|assist|comply|provide)|i won'?t be able to"
            + "|as an ai(?: language model)?,? i (?:can(?:'|no)t|don'?t))");

    private CheapChecks() {
    }

    /** True when the text opens like a refusal ("I'm sorry, but I can't…", "I cannot help with…"). */
    static boolean refuses(String text) {
        return REFUSAL.matcher(text.strip()).find();
    }

    static Optional<PairScore> decide(Expectation expectation, Answer reference, Answer candidate) {
        if (candidate.isEmpty() && !reference.isEmpty()) {
            return Optional.of(PairScore.of(false, PairScore.Basis.EMPTY, "the candidate answered nothing"));
        }
        boolean referenceRefuses = refuses(reference.text()) && reference.toolCalls().isEmpty();
        boolean candidateRefuses = refuses(candidate.text()) && candidate.toolCalls().isEmpty();
        if (candidateRefuses) {
            return Optional.of(referenceRefuses
                    ? PairScore.of(true, PairScore.Basis.BOTH_REFUSED, "both refused")
                    : PairScore.of(false, PairScore.Basis.REFUSAL, "the candidate refused; the reference answered"));
        }
        if (!reference.toolCalls().isEmpty() || !candidate.toolCalls().isEmpty()) {
            return Optional.of(toolCalls(reference.toolCalls(), candidate.toolCalls()));
        }
        if (expectation.json()) {
            return Optional.of(json(expectation, reference, candidate));
        }
        int referenceLength = reference.text().strip().length();
        int candidateLength = candidate.text().strip().length();
        if (referenceLength >= MIN_LENGTH_CHECKED && (candidateLength * LENGTH_RATIO < referenceLength
                || candidateLength > referenceLength * LENGTH_RATIO)) {
            return Optional.of(PairScore.of(false, PairScore.Basis.LENGTH, "the candidate has " + candidateLength
                    + " characters, the reference " + referenceLength));
        }
        return Optional.empty();
    }

    private static PairScore toolCalls(List<Answer.ToolCall> reference, List<Answer.ToolCall> candidate) {
        if (reference.size() != candidate.size()) {
            return PairScore.of(false, PairScore.Basis.TOOL_CALLS, "the reference made " + reference.size()
                    + " tool calls, the candidate " + candidate.size());
        }
        for (int i = 0; i < reference.size(); i++) {
            Answer.ToolCall want = reference.get(i);
            Answer.ToolCall got = candidate.get(i);
            if (!want.name().equals(got.name())) {
                return PairScore.of(false, PairScore.Basis.TOOL_CALLS, "tool call " + (i + 1) + ": " + got.name()
                        + " instead of " + want.name());
            }
            if (!want.arguments().equals(got.arguments())) {
                return PairScore.of(false, PairScore.Basis.TOOL_CALLS, "tool call " + want.name()
                        + ": arguments differ");
            }
        }
        return PairScore.of(true, PairScore.Basis.TOOL_CALLS, reference.size() + " identical tool calls");
    }

    private static PairScore json(Expectation expectation, Answer reference, Answer candidate) {
        JsonNode got = Json.parseOrNull(candidate.text().strip().getBytes(StandardCharsets.UTF_8));
        if (got == null) {
            return PairScore.of(false, PairScore.Basis.JSON_INVALID, "the candidate's answer is not JSON");
        }
        if (expectation.schema().isPresent()) {
            Optional<String> violation = SchemaCheck.violation(expectation.schema().get(), got);
            if (violation.isPresent()) {
                return PairScore.of(false, PairScore.Basis.JSON_INVALID, "schema: " + violation.get());
            }
        }
        JsonNode want = Json.parseOrNull(reference.text().strip().getBytes(StandardCharsets.UTF_8));
        if (want == null) {
            return new PairScore(true, PairScore.Basis.JSON_FIELDS, Double.NaN, java.util.OptionalInt.empty(),
                    "the candidate is valid JSON; the reference is not");
        }
        Set<String> wanted = new HashSet<>(JsonValues.leaves(want));
        List<String> given = JsonValues.leaves(got);
        long same = given.stream().filter(wanted::contains).count();
        double share = wanted.isEmpty() && given.isEmpty() ? 1
                : 2.0 * same / (wanted.size() + given.size());
        return new PairScore(same == wanted.size() && given.size() == wanted.size(), PairScore.Basis.JSON_FIELDS, share, java.util.OptionalInt.empty(),
                same + " of " + wanted.size() + " reference fields equal");
    }
}
