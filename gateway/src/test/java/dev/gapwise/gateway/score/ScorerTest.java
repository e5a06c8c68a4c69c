package dev.gapwise.gateway.score;

import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.dialect.neutral.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Golden pairs (src/test/resources/score/golden-pairs.jsonl): each with its expected verdict, basis and similarity. */
class ScorerTest {
    private final Scorer scorer = new Scorer(Scorer.DEFAULT_THRESHOLD);

    @TestFactory
    Stream<DynamicTest> goldenPairsKeepTheirVerdicts() throws IOException {
        List<JsonNode> pairs = new ArrayList<>();
        try (InputStream in = ScorerTest.class.getResourceAsStream("/score/golden-pairs.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    pairs.add(Json.parseOrNull(line.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(14);
        return pairs.stream().map(pair -> DynamicTest.dynamicTest(pair.path("name").asString(), () -> {
            PairScore score = scorer.score(Expectation.of(pair.path("request")), answer(pair, "reference"),
                    answer(pair, "candidate"));
            assertThat(score.acceptable()).as(score.toString()).isEqualTo(pair.path("acceptable").asBoolean());
            assertThat(score.basis().id()).as(score.toString()).isEqualTo(pair.path("basis").asString());
            if (pair.has("similarity")) {
                assertThat(score.similarity()).isCloseTo(pair.path("similarity").asDouble(), within(0.0005));
            }
            if (pair.has("detail")) {
                assertThat(score.detail()).isEqualTo(pair.path("detail").asString());
            }
        }));
    }

    private static Answer answer(JsonNode pair, String side) {
        List<Answer.ToolCall> calls = new ArrayList<>();
        for (JsonNode call : pair.path(side + "Calls")) {
            calls.add(new Answer.ToolCall(call.get(0).asString(), Answer.canonical(call.get(1).asString())));
        }
        return new Answer(pair.path(side).asString(""), calls);
    }

    @Test
    void similarityIsTheF1OfTheBagsOfWords() {
        // 3 shared words; 4 in the first, 5 in the second: precision 3/5, recall 3/4, F1 = 2/3
        assertThat(Similarity.of("the cat sat down", "the cat sat on mats")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(Similarity.of("", "")).isEqualTo(1.0);
        assertThat(Similarity.of("a", "")).isEqualTo(0.0);
    }

    @Test
    void answersAreReadFromBothDialectsAlike() {
        JsonNode openAi = Json.parseOrNull("""
                {"choices":[{"message":{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
                "function":{"name":"lookup","arguments":"{\\"b\\":2,\\"a\\":1}"}}]}}]}""".getBytes(StandardCharsets.UTF_8));
        JsonNode anthropic = Json.parseOrNull("""
                {"content":[{"type":"tool_use","id":"t1","name":"lookup","input":{"a":1,"b":2}}]}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(Answer.of(Dialects.of(DialectKind.OPENAI), openAi))
                .isEqualTo(Answer.of(Dialects.of(DialectKind.ANTHROPIC), anthropic));
    }

    @Test
    void theJudgeReplyIsReadOnlyFromAScoreObject() {
        assertThat(JudgeRubric.read("Sure. {\"score\": 4, \"reason\": \"same facts\"}"))
                .contains(new JudgeRubric.Verdict(4, "same facts"));
        assertThat(JudgeRubric.read("{\"score\": 9}")).isEmpty();
        assertThat(JudgeRubric.read("I think it is a 5")).isEmpty();
        assertThat(Scorer.judged(0.3, new JudgeRubric.Verdict(4, "ok")).acceptable()).isTrue();
        assertThat(Scorer.judged(0.9, new JudgeRubric.Verdict(3, "edits")).acceptable()).isFalse();
    }
}
