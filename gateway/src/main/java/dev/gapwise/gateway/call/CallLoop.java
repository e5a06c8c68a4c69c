package dev.gapwise.gateway.call;

import dev.gapwise.gateway.config.RetryPolicy;
import dev.gapwise.gateway.route.Candidate;
import dev.gapwise.gateway.route.RoutePlan;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single retry/fallback loop. For each candidate in route order it makes up to {@code
 * attemptsPerDeployment} attempts; it retries only errors that may pass (connect, 408, 429, 5xx, 529), only
 * while nothing has reached the client, waiting {@code Retry-After} or a jittered backoff; otherwise it falls
 * back to the next candidate, unless the error says no deployment would accept the request. A cancelled call
 * (client gone, shutdown) is never retried nor falls back. Before each attempt the {@link AttemptGate} reserves its
 * worst case against the budgets and takes it from the rate limits, or stops it: a stop that another deployment may
 * pass (its own limit, a dearer worst case) moves to the next candidate, any other ends the call with its failure;
 * whatever the call still holds when it ends is released. Thread-safe: all per-call state lives on the calling
 * (virtual) thread.
 */
public final class CallLoop {
    private final Map<String, Target> targets;
    private final AttemptRunner runner;
    private final RetryPolicy retry;
    private final InstantSource clock;
    private final AttemptGate gate;

    public CallLoop(Map<String, Target> targets, AttemptRunner runner, RetryPolicy retry, InstantSource clock) {
        this(targets, runner, retry, clock, AttemptGate.OPEN);
    }

    public CallLoop(Map<String, Target> targets, AttemptRunner runner, RetryPolicy retry, InstantSource clock,
                    AttemptGate gate) {
        this.targets = Map.copyOf(targets);
        this.runner = runner;
        this.retry = retry;
        this.clock = clock;
        this.gate = gate;
    }

    /** Calls the route's candidates for a request, writing the answer or stream to {@code client}. */
    public CallOutcome call(CallRequest request, RoutePlan.Route route, ClientChannel client) {
        try (AttemptGate.Tab tab = gate.open(request)) {
            return call(request, route, client, tab);
        }
    }

    /**
     * Counts a request's input tokens for the deployment the route puts first: exactly, by the upstream's own
     * count endpoint, when its dialect has one and the request is in that dialect; else an estimate. Nothing is
     * billed or recorded (counting is free at the providers that offer it).
     */
    public TokenCountOutcome countTokens(CallRequest request, RoutePlan.Route route) {
        for (Candidate candidate : route.candidates()) {
            Target target = targets.get(candidate.deployment().id());
            if (target != null) {
                return runner.count(request, target);
            }
        }
        return new TokenCountOutcome.Failed(new Failure.NoDeployment("no deployment could count the tokens"));
    }

    private CallOutcome call(CallRequest request, RoutePlan.Route route, ClientChannel client, AttemptGate.Tab tab) {
        List<Attempt> attempts = new ArrayList<>();
        Failure gateStop = null;
        AttemptRunner.Waits waits = new AttemptRunner.Waits();
        Failure last = new Failure.NoDeployment("no deployment could be tried");
        for (int c = 0; c < route.candidates().size(); c++) {
            Candidate candidate = route.candidates().get(c);
            Target target = targets.get(candidate.deployment().id());
            if (target == null) {
                continue;
            }
            for (int tryNumber = 1; tryNumber <= retry.attemptsPerDeployment(); tryNumber++) {
                Optional<CallOutcome> stopped = stopped(request, attempts);
                if (stopped.isPresent()) {
                    return stopped.get();
                }
                String reason = tryNumber == 1 ? candidate.reason() : candidate.reason() + "; retry " + (tryNumber - 1);
                AttemptRunner.Result.Failed failed;
                switch (runner.run(request, target, attempts.size() + 1, reason, client, waits, tab)) {
                    case AttemptRunner.Result.Done done -> {
                        attempts.add(done.attempt());
                        return done.outcome().apply(List.copyOf(attempts));
                    }
                    case AttemptRunner.Result.Untranslatable untranslatable -> {
                        // nothing was sent, nothing billed: the next candidate may speak the client's dialect
                        if (attempts.isEmpty()) {
                            last = untranslatable.failure();
                        }
                        failed = null;
                    }
                    case AttemptRunner.Result.Failed attempt -> {
                        attempts.add(attempt.attempt());
                        failed = attempt;
                    }
                    case AttemptRunner.Result.Stopped stop -> {
                        if (!stop.stop().tryNext()) {
                            return new CallOutcome.Failed(stop.stop().failure(), List.copyOf(attempts));
                        }
                        // the first stop says most (the budget or limit the best candidate hit)
                        gateStop = gateStop == null ? stop.stop().failure() : gateStop;
                        failed = null;
                    }
                }
                if (failed == null) {
                    break;
                }
                last = failed.failure();
                ErrorClass error = failed.failure().errorClass();
                if (!error.fallsBack()) {
                    return new CallOutcome.Failed(last, List.copyOf(attempts));
                }
                boolean upstreamSaysNo = failed.failure().shouldRetry().filter(retry -> !retry).isPresent();
                if (!error.retryable() || upstreamSaysNo || tryNumber == retry.attemptsPerDeployment()) {
                    break;
                }
                Optional<Duration> wait = Backoff.delay(retry, tryNumber, failed.retryAfter(), clock.instant());
                if (wait.isEmpty()) {
                    break;
                }
                if (!sleep(wait.get(), waits)) {
                    return new CallOutcome.ClientGone(List.copyOf(attempts));
                }
            }
        }
        return new CallOutcome.Failed(gateStop != null && attempts.isEmpty() ? gateStop : last, List.copyOf(attempts));
    }

    private static Optional<CallOutcome> stopped(CallRequest request, List<Attempt> attempts) {
        return request.cancellation().reason().map(why -> switch (why) {
            case CLIENT_GONE -> new CallOutcome.ClientGone(List.copyOf(attempts));
            case SHUTDOWN -> new CallOutcome.Failed(new Failure.ShuttingDown(), List.copyOf(attempts));
        });
    }

    private static boolean sleep(Duration wait, AttemptRunner.Waits waits) {
        long start = System.nanoTime();
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waits.add(System.nanoTime() - start);
        }
    }
}
