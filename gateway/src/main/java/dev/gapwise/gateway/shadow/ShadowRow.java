package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.score.PairScore;
import dev.gapwise.gateway.text.CleanText;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One shadow call as stored in {@code shadow_call}: the request's facts, the call's tokens and cost (nano-USD),
 * the pair's score when both answered, the judge's cost, and the content when storage is on.
 *
 * @param requestId        the client request
 * @param shadowDeployment where the copy was sent
 * @param atUtc            when the shadow call started (ISO-8601)
 * @param atMillis         the same, epoch milliseconds
 * @param keyId            the client's key id, when there is one
 * @param tier             the request's tier
 * @param task             the request's task label
 * @param sampleShare      the rule's share: one shadowed request stands for 1/share requests
 * @param servedDeployment the deployment that answered the client
 * @param servedModel      its model
 * @param shadowModel      the shadow deployment's model
 * @param status           the shadow call's HTTP status, 0 when none
 * @param error            why the shadow call failed, when it did
 * @param inputTokens      billed prompt tokens
 * @param outputTokens     billed completion tokens
 * @param costNanoUsd      the shadow call's cost
 * @param latencyMicros    the shadow call's duration
 * @param candidate        which side was scored against the other: {@code served} or {@code shadow} (the cheaper)
 * @param score            the pair's score, when both answered
 * @param judgeDeployment  the judge asked, when one was
 * @param judgeCostNanoUsd what asking it cost (0 when not asked)
 * @param content          prompt and answers, only with content storage on
 * @param expiresMillis    when stored content is erased, when there is any
 */
record ShadowRow(String requestId, String shadowDeployment, String atUtc, long atMillis, Optional<String> keyId,
                 String tier, String task, double sampleShare, String servedDeployment, String servedModel,
                 String shadowModel, int status, Optional<String> error, long inputTokens, long outputTokens,
                 long costNanoUsd, long latencyMicros, Optional<String> candidate, Optional<PairScore> score, Optional<String> judgeDeployment,
                 long judgeCostNanoUsd, Optional<Content> content, Optional<Long> expiresMillis) {
    ShadowRow {
        error = error.map(e -> CleanText.of(e, 500));
        score = score.map(s -> new PairScore(s.acceptable(), s.basis(), s.similarity(), s.judgeScore(),
                CleanText.of(s.detail(), 500)));
    }

    /** The stored text: the request as sent (JSON) and both answers as neutral JSON ({@code text}, {@code tool_calls}). */
    record Content(String promptJson, String servedAnswerJson, String shadowAnswerJson) {
    }

    OptionalInt judgeScore() {
        return score.map(PairScore::judgeScore).orElse(OptionalInt.empty());
    }
}
