package dev.gapwise.gateway.spend;

import dev.gapwise.gateway.call.AttemptGate;
import dev.gapwise.gateway.call.CallRequest;
import dev.gapwise.gateway.config.RedisConfig;
import dev.gapwise.gateway.config.SpendConfig;
import dev.gapwise.gateway.metrics.GatewayMetrics;
import dev.gapwise.gateway.price.PricedAttempt;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.spend.counter.Counters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Budgets and rate limits around every upstream attempt.
 *
 * <p>How it works. Before an attempt is sent ({@link SpendTab#admit}), its worst case is computed — every prompt
 * token counted as one byte of the request body (an upper bound for any byte-level tokenizer), plus an allowance for
 * the provider's hidden tool prompt, at the dearest prompt rate the request may trigger, and {@code max_tokens} (or
 * the deployment's output ceiling) at the output rate — and one atomic {@link Counters#admit} reserves it against
 * every budget window of the key, its team and the model, and takes one request and the worst-case tokens from every
 * rate limit of the key, the team and the deployment; all or nothing. A window the counters have not seen is first
 * seeded with what the ledger holds for it. When the attempt ends — success, provider error, fallback, stream cut,
 * client gone, timeout, shutdown: every path ends in the one {@link
 * dev.gapwise.gateway.price.AttemptFanOut} — {@link #settle} turns its reservation into the actual cost and gives
 * the unused tokens back. A call's tab releases whatever it still holds when the call ends (a bug path), {@link
 * #close} releases what every call holds at shutdown, and a reservation whose gateway died expires after {@code
 * budgets.reservation_ttl}. A settle the counters cannot take (Redis down) is kept and retried until they answer.
 * When a hard budget applies and the attempt's cost cannot be estimated (no price) or its reservation cannot be
 * written (Redis down), the attempt is refused: fail closed. Thread-safe.
 */
public final class SpendGate implements AttemptGate, Consumer<PricedAttempt>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpendGate.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(1);

    final Allowances allowances;
    final Pricing pricing;
    final Counters counters;
    final SpendConfig.BudgetSettings settings;
    final RedisConfig.OnOutage onOutage;
    final GatewayMetrics metrics;
    final InstantSource clock;
    private final SpendHistory history;
    private final Runnable catchUp;
    private final BudgetAlerts alerts;
    private final PendingSettles pending;
    private final Map<String, Hold> open = new ConcurrentHashMap<>();

    /** A budget window an attempt holds a reservation in. */
    record Held(Budget budget, Window window, String counter) {
    }

    /** What one admitted attempt holds, until its settle. */
    record Hold(String reservationId, List<Held> budgets, List<Counters.LimitCharge> tokenLimits, long reservedTokens) {
    }

    /**
     * @param catchUp  lets this process's ledger rows reach the database before a window is seeded from it
     * @param onOutage what requests under no hard budget get while the counters are unreachable
     */
    public SpendGate(Allowances allowances, Pricing pricing, Counters counters, SpendHistory history, Runnable catchUp,
                     SpendConfig.BudgetSettings settings, RedisConfig.OnOutage onOutage, GatewayMetrics metrics,
                     InstantSource clock) {
        this.allowances = allowances;
        this.pricing = pricing;
        this.counters = counters;
        this.history = history;
        this.catchUp = catchUp;
        this.settings = settings;
        this.onOutage = onOutage;
        this.metrics = metrics;
        this.clock = clock;
        this.alerts = new BudgetAlerts(settings.alerts(), metrics);
        this.pending = new PendingSettles(counters, this::settled);
        metrics.pendingSettles(pending::size);
    }

    @Override
    public Tab open(CallRequest request) {
        return new SpendTab(this, request);
    }

    /** Where the counters live, for the start-up log. */
    public String describe() {
        return counters.describe();
    }

    static String holdKey(String requestId, int attempt) {
        return requestId + "#" + attempt;
    }

    void hold(String requestId, int attempt, Hold hold) {
        open.put(holdKey(requestId, attempt), hold);
    }

    /** Releases the hold of an attempt that was never recorded (nothing was spent). */
    void release(String requestId, int attempt) {
        Hold hold = open.remove(holdKey(requestId, attempt));
        if (hold != null) {
            end(hold, 0, hold.reservedTokens());
        }
    }

    /** Settles the attempt's reservation at its actual cost: the fan-out's budget consumer. */
    @Override
    public void accept(PricedAttempt priced) {
        Hold hold = open.remove(holdKey(priced.attempt().context().requestId(), priced.attempt().number()));
        if (hold == null) {
            return;
        }
        long used = priced.attempt().usage().promptTokens() + priced.attempt().usage().outputTokens();
        end(hold, priced.costOrZero(), hold.reservedTokens() - used);
    }

    private void end(Hold hold, long actualNanos, long refundTokens) {
        List<Counters.BudgetSettle> budgets = hold.budgets().stream()
                .map(held -> new Counters.BudgetSettle(held.counter(), actualNanos)).toList();
        List<Counters.LimitCharge> limits = hold.tokenLimits().stream().map(limit -> new Counters.LimitCharge(
                limit.counter(), limit.amount(), limit.periodMicros(), refundTokens)).toList();
        Counters.Settle settle = new Counters.Settle(hold.reservationId(), budgets, limits);
        switch (counters.settle(settle)) {
            case Counters.Settlement.Done done -> settled(hold, actualNanos, done);
            case Counters.Settlement.Unavailable unavailable -> {
                LOG.warn("budgets: cannot settle reservation {} now ({}); it is retried until the counters answer",
                        hold.reservationId(), unavailable.reason());
                pending.add(hold, settle, actualNanos);
            }
        }
    }

    /** A settle went through: alerts and the used-ratio gauges. */
    private void settled(Hold hold, long actualNanos, Counters.Settlement.Done done) {
        for (int i = 0; i < hold.budgets().size() && i < done.spentAfter().size(); i++) {
            long after = done.spentAfter().get(i);
            if (after >= 0) {
                Held held = hold.budgets().get(i);
                alerts.spent(held.budget(), held.window(), after - actualNanos, after);
            }
        }
    }

    /**
     * Makes sure a window's counter exists, seeding it from the ledger; false when it cannot (the database or the
     * counters do not answer).
     */
    boolean seed(Budget budget, Window window, String counter) {
        catchUp.run();
        long spent;
        try {
            spent = history.spent(budget, window);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("budgets: cannot read the spend of {} in window {} from the ledger ({})",
                    budget.describe(budget.subject()), window.label(), e.getMessage());
            return false;
        }
        return counters.seed(counter, spent, window.end()) instanceof Counters.Settlement.Done;
    }

    /** The window counter of a budget now. */
    Held window(Budget budget) {
        Window window = budget.period().window(clock.instant(), budget.zone());
        return new Held(budget, window, budget.id() + ":" + window.label());
    }

    /**
     * The budgets of a key and its team (whole spend, no model target) with their current windows' levels; budgets
     * whose level cannot be read are left out. Seeds windows not seen yet.
     */
    public List<BudgetLevel> levels(Optional<String> keyId, Optional<String> team, boolean wholeSpendOnly) {
        List<Held> windows = allowances.budgets(keyId, team).stream()
                .filter(b -> !wholeSpendOnly || b.target().isEmpty()).map(this::window).toList();
        List<BudgetLevel> levels = new ArrayList<>();
        if (windows.isEmpty()) {
            return levels;
        }
        Counters.Peek peek = counters.peek(windows.stream().map(Held::counter).toList());
        if (!(peek instanceof Counters.Peek.Levels read)) {
            return levels;
        }
        for (int i = 0; i < windows.size(); i++) {
            Held held = windows.get(i);
            Optional<Counters.Level> level = read.levels().get(i);
            if (level.isEmpty() && seed(held.budget(), held.window(), held.counter())) {
                level = counters.peek(List.of(held.counter())) instanceof Counters.Peek.Levels again
                        ? again.levels().getFirst() : Optional.empty();
            }
            level.ifPresent(l -> levels.add(new BudgetLevel(held.budget(), held.window(), l.spentNanos(),
                    l.reservedNanos())));
        }
        return levels;
    }

    /**
     * A budget window's level.
     *
     * @param budget   the budget
     * @param window   its current window
     * @param spent    settled nano-USD
     * @param reserved nano-USD held by attempts in flight
     */
    public record BudgetLevel(Budget budget, Window window, long spent, long reserved) {
        /** Spent as a share of the budget (1 = all of it). */
        public double used() {
            return budget.limitNanos() == 0 ? (spent > 0 ? Double.MAX_VALUE : 1) : (double) spent / budget.limitNanos();
        }
    }

    /** The levels of rate limits now, without taking anything from them; empty when they cannot be read. */
    public Optional<List<Counters.LimitLevel>> limitLevels(List<RateLimit> limits) {
        if (limits.isEmpty()) {
            return Optional.of(List.of());
        }
        List<Counters.LimitCharge> reads = limits.stream().map(limit -> new Counters.LimitCharge(limit.counter(),
                limit.amount(), limit.period().toNanos() / 1_000, 0)).toList();
        return counters.admit(new Counters.Charge("peek", List.of(), reads, Duration.ofSeconds(1)))
                instanceof Counters.Admission.Admitted admitted ? Optional.of(admitted.limits()) : Optional.empty();
    }

    /** Settles pending for Redis. */
    public int pendingSettles() {
        return pending.size();
    }

    /** Releases every reservation still held (shutdown) and gives pending settles a last try. */
    @Override
    public void close() {
        for (String key : List.copyOf(open.keySet())) {
            Hold hold = open.remove(key);
            if (hold != null) {
                end(hold, 0, hold.reservedTokens());
            }
        }
        pending.close();
        counters.close();
    }
}
