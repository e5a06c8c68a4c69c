package dev.gapwise.gateway.shadow;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.call.Target;
import dev.gapwise.gateway.config.ShadowConfig;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.price.TokenPrice;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.score.Answer;
import dev.gapwise.gateway.score.Expectation;
import dev.gapwise.gateway.score.JudgeRubric;
import dev.gapwise.gateway.score.PairScore;
import dev.gapwise.gateway.score.Scorer;
import dev.gapwise.gateway.dialect.Translation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shadow calls of one sampled request, run on a shadow thread: for each shadow deployment (not the one that
 * served), translate and cap the request, call it within the daily budget (reserve the worst case, send, settle),
 * score the pair — the cheaper deployment's answer against the dearer one's, the judge on free text when one is
 * configured and the budget allows — and write one {@code shadow_call} row. Expected failures (an upstream error, a
 * refused translation, no budget) are rows or counts, never exceptions. Used by one thread.
 */
final class ShadowJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowJob.class);
    private static final int JUDGE_OUTPUT_TOKENS = 200;

    /** What every job of a runner shares: immutable settings and thread-safe parts. */
    record Shared(ShadowConfig config, Pricing pricing, Map<String, Target> callable, Optional<Target> judge,
                  ShadowStore store, ShadowCaller caller, ShadowBudget budget, Scorer scorer, InstantSource clock,
                  ShadowCounters counters, Runnable afterEach) {
    }

    private final ShadowConfig config;
    private final Pricing pricing;
    private final Map<String, Target> callable;
    private final Optional<Target> judge;
    private final ShadowStore store;
    private final ShadowCaller caller;
    private final ShadowBudget budget;
    private final Scorer scorer;
    private final InstantSource clock;
    private final ShadowCounters counters;
    private final Runnable afterEach;
    private final ShadowFacts facts;
    private final ShadowPolicy.Decision.Shadow decision;
    private final String servedId;
    private final Answer served;
    private final ObjectNode body;

    ShadowJob(Shared shared, ShadowFacts facts, ShadowPolicy.Decision.Shadow decision, String servedId, Answer served,
              ObjectNode body) {
        this.config = shared.config();
        this.pricing = shared.pricing();
        this.callable = shared.callable();
        this.judge = shared.judge();
        this.store = shared.store();
        this.caller = shared.caller();
        this.budget = shared.budget();
        this.scorer = shared.scorer();
        this.clock = shared.clock();
        this.counters = shared.counters();
        this.afterEach = shared.afterEach();
        this.facts = facts;
        this.decision = decision;
        this.servedId = servedId;
        this.served = served;
        this.body = body;
    }

    @Override
    public void run() {
        counters.running.incrementAndGet();
        try {
            for (Target target : decision.to()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (!target.deployment().id().equals(servedId)) {
                    shadow(target);
                }
            }
            afterEach.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("shadow: request {} failed inside the gateway", facts.requestId(), e);
        } finally {
            counters.running.decrementAndGet();
        }
    }

    private void shadow(Target target) throws InterruptedException {
        ObjectNode prepared;
        switch (ShadowCaller.prepare(target, facts.ingress(), body, config.maxOutputTokens())) {
            case Translation.Request.Refused refused -> {
                LOG.debug("shadow: {} cannot carry request {}: {}", target.deployment().id(), facts.requestId(),
                        refused.reason());
                return;
            }
            case Translation.Request.Translated translated -> prepared = translated.body();
        }
        Instant started = clock.instant();
        Paid paid = paid(target, prepared, maxOutput(prepared));
        if (paid == null) {
            return;
        }
        ShadowCaller.Reply reply = paid.reply();
        long cost = paid.costNanos();
        Deployment servedDeployment = deployment(servedId).orElse(null);
        switch (reply) {
            case ShadowCaller.Reply.Failed failed -> {
                counters.failed.incrementAndGet();
                write(target, started, failed.status(), Optional.of(failed.error()), 0, 0, 0, failed.micros(),
                        Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty());
            }
            case ShadowCaller.Reply.Answered answered -> {
                boolean shadowIsDearer = servedDeployment == null || dearer(target.deployment(), servedDeployment);
                Answer reference = shadowIsDearer ? answered.answer() : served;
                Answer candidate = shadowIsDearer ? served : answered.answer();
                Judged judged = score(Expectation.of(body), reference, candidate);
                write(target, started, answered.status(), Optional.empty(), answered.usage().promptTokens(),
                        answered.usage().outputTokens(), cost, answered.micros(),
                        Optional.of(shadowIsDearer ? "served" : "shadow"), Optional.of(judged.score()),
                        judged.judge(), judged.costNanos(), Optional.of(answered.answer()));
            }
        }
    }

    private record Judged(PairScore score, Optional<String> judge, long costNanos) {
    }

    private Judged score(Expectation expectation, Answer reference, Answer candidate) throws InterruptedException {
        return switch (scorer.step(expectation, reference, candidate, judge.isPresent())) {
            case Scorer.Step.Scored scored -> new Judged(scored.score(), Optional.empty(), 0);
            case Scorer.Step.AskJudge ask -> askJudge(judge.orElseThrow(), expectation, reference, candidate, ask);
        };
    }

    private Judged askJudge(Target target, Expectation expectation, Answer reference, Answer candidate,
                            Scorer.Step.AskJudge ask) throws InterruptedException {
        ObjectNode request = JudgeRubric.request(target.deployment().upstreamModel(), expectation, reference,
                candidate);
        ObjectNode prepared;
        switch (ShadowCaller.prepare(target, Dialects.of(DialectKind.OPENAI), request, JUDGE_OUTPUT_TOKENS)) {
            case Translation.Request.Refused refused -> {
                return new Judged(ask.fallback(), Optional.empty(), 0);
            }
            case Translation.Request.Translated translated -> prepared = translated.body();
        }
        Paid paid = paid(target, prepared, JUDGE_OUTPUT_TOKENS);
        if (paid == null) {
            return new Judged(withNote(ask.fallback(), "no judge: the daily shadow budget is spent"),
                    Optional.empty(), 0);
        }
        String judgeId = target.deployment().id();
        long spent = paid.costNanos();
        return switch (paid.reply()) {
            case ShadowCaller.Reply.Failed failed -> new Judged(withNote(ask.fallback(), "judge failed: "
                    + failed.error()), Optional.of(judgeId), spent);
            case ShadowCaller.Reply.Answered answered -> JudgeRubric.read(answered.answer().text())
                    .map(verdict -> new Judged(Scorer.judged(ask.similarity(), verdict), Optional.of(judgeId), spent))
                    .orElseGet(() -> new Judged(withNote(ask.fallback(), "the judge gave no score"),
                            Optional.of(judgeId), spent));
        };
    }

    private void write(Target target, Instant started, int status, Optional<String> error, long input, long output,
                       long cost, long micros, Optional<String> candidate, Optional<PairScore> score,
                       Optional<String> judgeId, long judgeCost,
                       Optional<Answer> shadowAnswer) {
        Optional<ShadowRow.Content> content = Optional.empty();
        Optional<Long> expires = Optional.empty();
        if (config.storeContent()) {
            // prompts are stored in the OpenAI chat shape whatever the client spoke, so exports read one shape
            ObjectNode prompt = switch (Translation.request(facts.ingress(), Dialects.of(DialectKind.OPENAI), body)) {
                case Translation.Request.Translated translated -> translated.body().deepCopy();
                case Translation.Request.Refused refused -> body.deepCopy();
            };
            prompt.remove(List.of("stream", "stream_options"));
            content = Optional.of(new ShadowRow.Content(Json.write(prompt), answerJson(served),
                    shadowAnswer.map(ShadowJob::answerJson).orElse(null)));
            expires = Optional.of(started.plus(config.retention()).toEpochMilli());
        }
        ShadowRow row = new ShadowRow(facts.requestId(), target.deployment().id(), started.toString(),
                started.toEpochMilli(), facts.keyId(), facts.tier(), facts.task(), decision.share(), servedId,
                deployment(servedId).map(Deployment::modelId).orElse(servedId), target.deployment().modelId(),
                status, error, input, output, cost, micros, candidate, score, judgeId, judgeCost, content, expires);
        try {
            store.write(row);
            counters.rows.incrementAndGet();
        } catch (SQLException e) {
            LOG.warn("shadow: cannot write the row of request {} to {}: {}", facts.requestId(),
                    target.deployment().id(), e.getMessage());
        }
    }


    /** A call's reply and what it cost (0 when it failed: nothing billed is known). */
    private record Paid(ShadowCaller.Reply reply, long costNanos) {
    }

    /**
     * One shadow or judge call within the daily budget: reserve its worst case, send, settle to the real cost.
     * Null, counted, when the worst case does not fit today's budget (nothing is sent).
     */
    private Paid paid(Target target, ObjectNode prepared, long maxOutputTokens) throws InterruptedException {
        TokenPrice price = pricing.of(target.deployment()).orElseThrow();
        long worstCase = Pricing.nanosUp(price.worstCase(Json.bytes(prepared).length, maxOutputTokens, true));
        ShadowBudget.Reservation reservation = budget.reserve(worstCase);
        if (reservation == null) {
            counters.overBudget.incrementAndGet();
            return null;
        }
        counters.calls.incrementAndGet();
        long cost = 0;
        try {
            ShadowCaller.Reply reply = caller.send(target, prepared);
            cost = switch (reply) {
                case ShadowCaller.Reply.Answered answered -> Pricing.nanosUp(price.cost(answered.usage()));
                case ShadowCaller.Reply.Failed failed -> 0;
            };
            return new Paid(reply, cost);
        } finally {
            budget.settle(reservation, cost);
        }
    }

    private static PairScore withNote(PairScore score, String note) {
        return new PairScore(score.acceptable(), score.basis(), score.similarity(), score.judgeScore(),
                score.detail() + "; " + note);
    }

    /** Neutral JSON of an answer: {@code {"text": ..., "tool_calls": [{"name": ..., "arguments": ...}]}}. */
    static String answerJson(Answer answer) {
        ObjectNode node = Json.object().put("text", answer.text());
        ArrayNode calls = node.putArray("tool_calls");
        answer.toolCalls().forEach(call -> calls.addObject().put("name", call.name()).put("arguments", call.arguments()));
        return Json.write(node);
    }

    private Optional<Deployment> deployment(String id) {
        return Optional.ofNullable(callable.get(id)).map(Target::deployment);
    }

    /** True when {@code a} costs more than {@code b} at three input tokens to one output token. */
    private boolean dearer(Deployment a, Deployment b) {
        BigDecimal priceA = pricing.of(a).map(TokenPrice::blended).orElse(BigDecimal.ZERO);
        BigDecimal priceB = pricing.of(b).map(TokenPrice::blended).orElse(BigDecimal.ZERO);
        return priceA.compareTo(priceB) >= 0;
    }

    private static long maxOutput(ObjectNode prepared) {
        return prepared.has("max_completion_tokens") ? prepared.path("max_completion_tokens").asLong()
                : prepared.path("max_tokens").asLong();
    }
}
