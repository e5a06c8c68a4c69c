package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.call.CallOutcome;
import dev.gapwise.gateway.call.ClientChannel;
import dev.gapwise.gateway.call.Target;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.ShadowConfig;
import dev.gapwise.gateway.config.Timeouts;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.score.Scorer;
import dev.gapwise.gateway.text.Redactor;
import dev.gapwise.routing.policy.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
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
    private final ShadowCounters counters = new ShadowCounters();
    private final ShadowJob.Shared shared;
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
        this.shared = new ShadowJob.Shared(config, pricing, this.callable, judge, store, caller, budget, scorer, clock,
                counters, this::purgeNowAndThen);
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
            ShadowJob job = new ShadowJob(shared, facts, decision, capture.servedBy().get(), capture.answer().get(),
                    facts.body().deepCopy());
            try {
                pool.execute(job);
            } catch (RejectedExecutionException e) {
                counters.dropped.incrementAndGet();
            }
        }
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
