package dev.gapwise.gateway.score;

import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge's fixed rubric and how its reply is read. The judge (a configured deployment) gets {@link #RUBRIC} as
 * its system message and one user message with the request, the reference answer and the candidate answer, at
 * temperature 0; it must reply with a JSON object {@code {"score": 1-5, "reason": "..."}}. A score of
 * {@value #ACCEPTABLE_FROM} or more means the candidate is acceptable. A reply without such an object is no verdict
 * (recorded as such, never guessed). The rubric is part of the report's meaning: changing it changes what
 * "acceptable" measures, so it is a constant, not a setting. Stateless.
 */
public final class JudgeRubric {
    /** The lowest score that counts as acceptable. */
    public static final int ACCEPTABLE_FROM = 4;

    /** The system message sent to the judge, word for word. */
    public static final String RUBRIC = """
            You grade whether a CANDIDATE answer can replace a REFERENCE answer to the same REQUEST for the person \
            who sent it. Judge content, correctness, completeness and whether the requested format and constraints \
            are met; ignore style, length and wording differences that the person would not care about.
            5: as good as the reference, or better.
            4: small differences the person would accept without editing.
            3: usable only after edits (a missing detail, a minor error, a format slip).
            2: wrong, incomplete or misses an explicit instruction.
            1: refuses, is off-topic, or is harmful.
            Reply with exactly one JSON object and nothing else: {"score": <1-5>, "reason": "<one sentence>"}""";

    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\"score\"[^{}]*}");
    private static final int MAX_PART = 12_000;

    private JudgeRubric() {
    }

    /** The judge's verdict: its score (1-5) and its reason. */
    public record Verdict(int score, String reason) {
        public boolean acceptable() {
            return score >= ACCEPTABLE_FROM;
        }
    }

    /** The judge request in the OpenAI Chat Completions dialect (translated for other judges by the caller). */
    public static ObjectNode request(String model, Expectation expectation, Answer reference, Answer candidate) {
        ObjectNode body = Json.object().put("model", model).put("temperature", 0).put("max_tokens", 200);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", RUBRIC);
        messages.addObject().put("role", "user").put("content", "REQUEST:\n" + cut(expectation.prompt())
                + "\n\nREFERENCE:\n" + cut(render(reference)) + "\n\nCANDIDATE:\n" + cut(render(candidate)));
        return body;
    }

    /** Reads the judge's reply text: the first JSON object with an integer score 1-5, or empty. */
    public static Optional<Verdict> read(String reply) {
        Matcher matcher = OBJECT.matcher(reply);
        while (matcher.find()) {
            JsonNode node = Json.parseOrNull(matcher.group().getBytes(StandardCharsets.UTF_8));
            if (node != null && node.path("score").isIntegralNumber()) {
                int score = node.path("score").asInt();
                if (score >= 1 && score <= 5) {
                    return Optional.of(new Verdict(score, node.path("reason").asString("")));
                }
            }
        }
        return Optional.empty();
    }

    private static String render(Answer answer) {
        StringBuilder text = new StringBuilder(answer.text());
        for (Answer.ToolCall call : answer.toolCalls()) {
            text.append("\n[tool call ").append(call.name()).append(' ').append(call.arguments()).append(']');
        }
        return text.toString();
    }

    private static String cut(String text) {
        return text.length() <= MAX_PART ? text : text.substring(0, MAX_PART) + " [...]";
    }
}
