package dev.gapwise.gateway.shadow;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.call.CallOutcome;
import dev.gapwise.gateway.call.ClientChannel;
import dev.gapwise.gateway.call.Target;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.ShadowConfig;
import dev.gapwise.gateway.config.Timeouts;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.price.TokenPrice;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.score.Answer;
import dev.gapwise.gateway.score.Expectation;
import dev.gapwise.gateway.score.JudgeRubric;
import dev.gapwise.gateway.score.PairScore;
import dev.gapwise.gateway.score.Scorer;
import dev.gapwise.gateway.text.Redactor;
import dev.gapwise.gateway.dialect.Translation;
import dev.gapwise.routing.policy.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs shadow calls off the request path (see the package documentation for the guarantees). Each sampled request
 * becomes one job on a fixed pool of {@code max_concurrent} threads behind a queue of {@code queue} jobs; a job calls
 * each shadow deployment in turn — reserve the worst case in the daily budget, call, settle — scores the pair
 * (cheaper answer against dearer answer, the judge for free text when configured) and writes one
 * {@code shadow_call} row per deployment. {@link #close} stops at once: queued jobs are dropped, running calls are
 * interrupted (their exchanges aborted), and it waits a few seconds for the threads. Thread-safe.
 */
public final class ShadowRunner implements ShadowTap, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowRunner.class);
    private static final Duration STOP_TIME = Duration.ofSeconds(5);
    private static final int JUDGE_OUTPUT_TOKENS = 200;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final ShadowConfig config;
    private final ShadowPolicy policy;
    private final Pricing pricing;
    private final Map<String, Target> callable;
    private final Optional<Target> judge;
    private final ShadowStore store;
    private final ShadowCaller caller;
    private final ShadowBudget budget;
    private final Scorer scorer;
    private final InstantSource clock;
    private final ThreadPoolExecutor pool;
    private final Counters counters = new Counters();
    private volatile long lastPurge;

    private ShadowRunner(ShadowConfig config, ShadowPolicy policy, Pricing pricing, Map<String, Target> callable,
                         Optional<Target> judge, ShadowStore store, ShadowCaller caller, ShadowBudget budget,
                         InstantSource clock) {
        this.config = config;
        this.policy = policy;
        this.pricing = pricing;
        this.callable = Map.copyOf(callable);
        this.judge = judge;
        this.store = store;
        this.caller = caller;
        this.budget = budget;
        this.clock = clock;
        this.scorer = new Scorer(config.similarityThreshold());
        AtomicInteger number = new AtomicInteger();
        BlockingQueue<Runnable> queue = config.queue() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(config.queue());
        pool = new ThreadPoolExecutor(config.maxConcurrent(), config.maxConcurrent(), 0, TimeUnit.MILLISECONDS, queue,
                task -> {
                    Thread thread = new Thread(task, "gapwise-shadow-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * The tap for a configuration: {@link ShadowTap#NONE} when shadowing is off; else a running runner. Every
     * deployment a rule or the judge names must be callable and priced (a shadow's cost must be known to be
     * budgeted), else the start fails naming it.
     *
     * @param callable the gateway's callable deployments by id
     */
    public static ShadowRunner start(ShadowConfig config, Policy routing, Map<String, Target> callable, Pricing pricing,
                                     ShadowStore store, Timeouts timeouts, Redactor redactor, InstantSource clock) {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (int i = 0; i < config.rules().size(); i++) {
            for (String id : config.rules().get(i).to()) {
                targets.put(id, usable(callable, pricing, id, "shadow.rules[" + i + "].to"));
            }
        }
        Optional<Target> judge = config.judge().map(id -> usable(callable, pricing, id, "shadow.judge"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long spent;
        try {
            spent = store.spentOn(today);
        } catch (SQLException e) {
            // without the day's spend the budget cannot be trusted: start with the whole day spent (no shadows
            // until tomorrow's budget) rather than risk spending it twice
            LOG.warn("shadow: cannot read today's shadow spend ({}); no shadow calls until the next UTC day",
                    e.getMessage());
            spent = Long.MAX_VALUE / 2;
        }
        ShadowBudget budget = new ShadowBudget(Pricing.nanosUp(config.budgetPerDay()), clock, today, spent);
        ShadowRunner runner = new ShadowRunner(config, new ShadowPolicy(config, routing, targets), pricing, callable, judge,
                store, new ShadowCaller(timeouts, redactor, config.maxConcurrent()), budget, clock);
        LOG.info("shadow: {} rules to {}, at most {} calls at once, {} queued, budget {} USD a day ({} spent today), "
                        + "judge {}, content {}", config.rules().size(), targets.keySet(), config.maxConcurrent(),
                config.queue(), Pricing.text(config.budgetPerDay()), Pricing.text(Pricing.usd(Math.min(spent,
                        Pricing.nanosUp(config.budgetPerDay())))), config.judge().orElse("none"),
                config.storeContent() ? "stored for " + config.retention().toDays() + " days" : "not stored");
        return runner;
    }

    private static Target usable(Map<String, Target> callable, Pricing pricing, String id, String key) {
        Target target = callable.get(id);
        if (target == null) {
            throw new ConfigException(key, "'" + id + "' is not a callable deployment; use one of "
                    + callable.keySet().stream().limit(20).toList());
        }
        if (pricing.of(target.deployment()).isEmpty()) {
            throw new ConfigException(key, "'" + id + "' has no price, so its shadow spend could not be budgeted; "
                    + "give it a price (prices." + id + ") or name another deployment");
        }
        return target;
    }

    /** What the runner has done since it started (for tests and logs). */
    public record Stats(long sampled, long dropped, long overBudget, long calls, long failed, long rowsWritten,
                        int running) {
    }

    private static final class Counters {
        final AtomicLong sampled = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong overBudget = new AtomicLong();
        final AtomicLong calls = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong rows = new AtomicLong();
        final AtomicInteger running = new AtomicInteger();
    }

    public Stats stats() {
        return new Stats(counters.sampled.get(), counters.dropped.get(), counters.overBudget.get(),
                counters.calls.get(), counters.failed.get(), counters.rows.get(), counters.running.get());
    }

    /** Nano-USD spent today on shadow and judge calls. */
    public long spentToday() {
        return budget.spentToday();
    }

    @Override
    public Session open(ShadowFacts facts) {
        try {
            return switch (policy.decide(facts)) {
                case ShadowPolicy.Decision.Skip skip -> Session.NONE;
                case ShadowPolicy.Decision.Shadow shadow -> new Sampled(facts, shadow);
            };
        } catch (RuntimeException e) {
            LOG.warn("shadow: deciding on request {} failed; not shadowed", facts.requestId(), e);
            return Session.NONE;
        }
    }

    /** The session of a sampled request: keeps a copy of the answer and queues the job when it is complete. */
    private final class Sampled implements Session {
        private final ShadowFacts facts;
        private final ShadowPolicy.Decision.Shadow decision;
        private AnswerCapture capture;

        Sampled(ShadowFacts facts, ShadowPolicy.Decision.Shadow decision) {
            this.facts = facts;
            this.decision = decision;
        }

        @Override
        public ClientChannel watch(ClientChannel client) {
            capture = new AnswerCapture(client, facts.ingress());
            return capture;
        }

        @Override
        public void finished(CallOutcome outcome) {
            boolean answered = switch (outcome) {
                case CallOutcome.Answered ok -> true;
                case CallOutcome.Failed failed -> false;
                case CallOutcome.Broken broken -> false;
                case CallOutcome.ClientGone gone -> false;
            };
            if (!answered || capture == null || capture.servedBy().isEmpty() || capture.answer().isEmpty()) {
                return;
            }
            counters.sampled.incrementAndGet();
            Job job = new Job(facts, decision, capture.servedBy().get(), capture.answer().get(), facts.body().deepCopy());
            try {
                pool.execute(job);
            } catch (RejectedExecutionException e) {
                counters.dropped.incrementAndGet();
            }
        }
    }

    /** One sampled request's shadow calls. */
    private final class Job implements Runnable {
        private final ShadowFacts facts;
        private final ShadowPolicy.Decision.Shadow decision;
        private final String servedId;
        private final Answer served;
        private final ObjectNode body;

        Job(ShadowFacts facts, ShadowPolicy.Decision.Shadow decision, String servedId, Answer served, ObjectNode body) {
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
                purgeNowAndThen();
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
                        shadowAnswer.map(ShadowRunner::answerJson).orElse(null)));
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

    private void purgeNowAndThen() {
        long now = clock.millis();
        if (now - lastPurge < PURGE_EVERY.toMillis()) {
            return;
        }
        lastPurge = now;
        try {
            int erased = store.purge(now);
            if (erased > 0) {
                LOG.info("shadow: erased the stored content of {} calls past their retention", erased);
            }
        } catch (SQLException e) {
            LOG.warn("shadow: cannot erase expired content: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        List<Runnable> dropped = new ArrayList<>(pool.shutdownNow());
        counters.dropped.addAndGet(dropped.size());
        try {
            if (!pool.awaitTermination(STOP_TIME.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("shadow: {} shadow calls still running after {} s at shutdown", counters.running.get(),
                        STOP_TIME.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        caller.close();
    }
}
