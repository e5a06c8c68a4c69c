package dev.gapwise.gateway.spend;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.call.AttemptGate;
import dev.gapwise.gateway.call.BudgetStop;
import dev.gapwise.gateway.call.CallRequest;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.call.RateLimitStatus;
import dev.gapwise.gateway.call.Target;
import dev.gapwise.gateway.config.RedisConfig;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.price.TokenPrice;
import dev.gapwise.gateway.spend.counter.Counters;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One call's admissions ({@link SpendGate} says how they work). Counts the request against the key's and team's
 * request limits once, at its first admitted attempt; each attempt reserves its own worst case and takes its own
 * tokens, and a deployment's request limits count every attempt sent to it. Used by the call's thread.
 */
final class SpendTab implements AttemptGate.Tab {
    /** Prompt tokens the provider adds for tool use (Anthropic's tool system prompt is some hundreds). */
    private static final long TOOL_ALLOWANCE = 1_024;

    private final SpendGate gate;
    private final CallRequest request;
    private final Optional<String> keyId;
    private final Optional<String> team;
    private final List<Integer> attempts = new ArrayList<>();
    private boolean requestCounted;

    SpendTab(SpendGate gate, CallRequest request) {
        this.gate = gate;
        this.request = request;
        this.keyId = request.context().keyId();
        this.team = request.context().team();
    }

    @Override
    public AttemptGate.Verdict admit(Target target, int attempt) {
        Deployment deployment = target.deployment();
        if (keyId.isPresent() && !gate.allowances.loaded()) {
            return stop(new Failure.SpendUnavailable("cannot check this key's budgets and rate limits: their database "
                    + "has not answered since this gateway started; retry shortly"), false, "unavailable");
        }
        List<Budget> budgets = gate.allowances.budgets(keyId, team, deployment);
        List<RateLimit> limits = new ArrayList<>(requestCounted ? List.of()
                : gate.allowances.callerLimits(keyId, team));
        if (requestCounted) {
            gate.allowances.callerLimits(keyId, team).stream().filter(l -> l.metric() == RateLimit.Metric.TOKENS)
                    .forEach(limits::add);
        }
        limits.addAll(gate.allowances.deploymentLimits(deployment));
        if (budgets.isEmpty() && limits.isEmpty()) {
            return new AttemptGate.Verdict.Go(RateLimitStatus.NONE);
        }
        Optional<TokenPrice> price = gate.pricing.of(deployment);
        if (!budgets.isEmpty() && price.isEmpty()) {
            return stop(new Failure.Unpriced("deployment " + deployment.id() + " has no price, so its cost cannot be "
                    + "estimated against " + budgets.getFirst().describe(budgets.getFirst().subject())
                    + "; give it a price in gapwise.yaml (prices: or the deployment's price:)"), true, "unpriced");
        }
        long prompt = request.promptCharacters() + (request.body().path("tools").isEmpty() ? 0 : TOOL_ALLOWANCE);
        long output = maxTokens(request.body()).orElse(gate.settings.outputCeiling(deployment.id()));
        long worst = price.map(p -> Pricing.nanosUp(p.worstCase(prompt, output,
                request.body().findValue("cache_control") != null))).orElse(0L);
        List<SpendGate.Held> windows = budgets.stream().map(gate::window).toList();
        List<Counters.BudgetCharge> budgetCharges = windows.stream().map(held -> new Counters.BudgetCharge(held.counter(),
                held.budget().limitNanos(), held.budget().hard(), worst, held.window().end())).toList();
        List<Counters.LimitCharge> limitCharges = limits.stream().map(limit -> new Counters.LimitCharge(limit.counter(),
                limit.amount(), limit.period().toNanos() / 1_000,
                limit.metric() == RateLimit.Metric.REQUESTS ? 1 : prompt + output)).toList();
        String reservation = request.context().requestId() + ":" + attempt;
        Counters.Charge charge = new Counters.Charge(reservation, budgetCharges, limitCharges,
                gate.settings.reservationTtl());
        boolean hard = budgets.stream().anyMatch(Budget::hard);
        for (int round = 0; round < 3; round++) {
            switch (gate.counters.admit(charge)) {
                case Counters.Admission.Admitted admitted -> {
                    requestCounted = true;
                    attempts.add(attempt);
                    List<Counters.LimitCharge> tokenLimits = new ArrayList<>();
                    for (int j = 0; j < limits.size(); j++) {
                        if (limits.get(j).metric() == RateLimit.Metric.TOKENS) {
                            tokenLimits.add(limitCharges.get(j));
                        }
                    }
                    gate.hold(request.context().requestId(), attempt,
                            new SpendGate.Hold(reservation, windows, tokenLimits, prompt + output));
                    return new AttemptGate.Verdict.Go(status(limits, admitted.limits()));
                }
                case Counters.Admission.Unseeded unseeded -> {
                    for (int index : unseeded.budgets()) {
                        SpendGate.Held held = windows.get(index);
                        if (!gate.seed(held.budget(), held.window(), held.counter())) {
                            return unavailable(hard, "the spend of " + held.budget().describe(held.budget().subject())
                                    + " cannot be read");
                        }
                    }
                }
                case Counters.Admission.OverBudget over -> {
                    Budget budget = budgets.get(over.index());
                    return stop(spent(windows.get(over.index()), over.level(), worst, deployment),
                            budget.target().isPresent() || over.level().spentNanos() < budget.limitNanos(), "budget");
                }
                case Counters.Admission.Throttled throttled -> {
                    RateLimit limit = limits.get(throttled.index());
                    Duration wait = Duration.ofNanos(throttled.retryAfterMicros() * 1_000);
                    RateLimitStatus status = status(limits, throttled.limits());
                    gate.metrics.spendStop("throttled");
                    return new AttemptGate.Verdict.Stop(new Failure.Throttled("rate limit of " + limit.scope().id() + " "
                            + limit.subject() + " reached: " + limit.describe() + "; retry after "
                            + Math.max(1, wait.toMillis()) + " ms", wait, status),
                            limit.scope() == Scope.DEPLOYMENT, Optional.of(status));
                }
                case Counters.Admission.Oversized oversized -> {
                    RateLimit limit = limits.get(oversized.index());
                    return stop(new Failure.OverLimit("this request may take " + (prompt + output) + " tokens (a token "
                            + "per byte of its body plus max_tokens " + output + "), more than the whole rate limit of "
                            + limit.scope().id() + " " + limit.subject() + " (" + limit.describe()
                            + "); lower max_tokens or send less"), limit.scope() == Scope.DEPLOYMENT, "over_limit");
                }
                case Counters.Admission.Unavailable unavailable -> {
                    return unavailable(hard, unavailable.reason());
                }
            }
        }
        return unavailable(hard, "a budget window could not be created");
    }

    /** Fails closed under a hard budget; else as {@code redis.on_outage} says. */
    private AttemptGate.Verdict unavailable(boolean hard, String reason) {
        if (hard || gate.onOutage == RedisConfig.OnOutage.REFUSE) {
            return stop(new Failure.SpendUnavailable("refused: " + (hard ? "a hard budget applies to this request"
                    : "rate limits apply to this request") + " and cannot be checked (" + reason + "); retry shortly"),
                    false, "unavailable");
        }
        gate.metrics.spendUnenforced();
        return new AttemptGate.Verdict.Go(RateLimitStatus.NONE);
    }

    private AttemptGate.Verdict stop(Failure failure, boolean tryNext, String kind) {
        gate.metrics.spendStop(kind);
        return new AttemptGate.Verdict.Stop(failure, tryNext, Optional.empty());
    }

    private Failure.BudgetSpent spent(SpendGate.Held held, Counters.Level level, long worst, Deployment deployment) {
        Budget budget = held.budget();
        String subject = budget.scope().id() + " " + budget.subject();
        String state = Budget.usd(level.spentNanos()) + " USD spent, " + Budget.usd(level.reservedNanos())
                + " USD held by requests in flight";
        String resets = held.window().end().map(at -> "; it resets at " + at).orElse("; it never resets");
        String message = level.spentNanos() >= budget.limitNanos()
                ? "the " + budget.period().id() + " budget of " + subject + " (" + Budget.usd(budget.limitNanos())
                + " USD" + budget.target().map(t -> " on " + t).orElse("") + ") is spent: " + state + resets
                : "this request's worst case (" + Budget.usd(worst) + " USD on " + deployment.id() + ") does not fit in "
                + "the " + budget.period().id() + " budget of " + subject + " (" + Budget.usd(budget.limitNanos())
                + " USD" + budget.target().map(t -> " on " + t).orElse("") + "): " + state + resets
                + "; lower max_tokens to ask for less";
        return new Failure.BudgetSpent(message, new BudgetStop(budget.scope().id(), budget.subject(), budget.target(),
                budget.limitUsd(), Pricing.usd(level.spentNanos()), Pricing.usd(level.reservedNanos()),
                budget.period().id(), held.window().end()));
    }

    /** The request and token limits with the fewest left, for the answer's headers. */
    private static RateLimitStatus status(List<RateLimit> limits, List<Counters.LimitLevel> levels) {
        Optional<RateLimitStatus.Quota> requests = Optional.empty();
        Optional<RateLimitStatus.Quota> tokens = Optional.empty();
        for (int j = 0; j < limits.size() && j < levels.size(); j++) {
            RateLimit limit = limits.get(j);
            Counters.LimitLevel level = levels.get(j);
            RateLimitStatus.Quota quota = new RateLimitStatus.Quota(limit.amount(), level.remaining(),
                    Duration.ofNanos(level.resetMicros() * 1_000));
            if (limit.metric() == RateLimit.Metric.REQUESTS) {
                requests = tighter(requests, quota);
            } else {
                tokens = tighter(tokens, quota);
            }
        }
        return new RateLimitStatus(requests, tokens);
    }

    private static Optional<RateLimitStatus.Quota> tighter(Optional<RateLimitStatus.Quota> current,
                                                           RateLimitStatus.Quota candidate) {
        return current.isEmpty() || candidate.remaining() < current.get().remaining() ? Optional.of(candidate) : current;
    }

    /** The request's output cap in either dialect. */
    static Optional<Long> maxTokens(JsonNode body) {
        for (String field : new String[] {"max_completion_tokens", "max_tokens"}) {
            JsonNode value = body.path(field);
            if (value.isIntegralNumber() && value.asLong() > 0) {
                return Optional.of(value.asLong());
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        for (int attempt : attempts) {
            gate.release(request.context().requestId(), attempt);
        }
    }
}
