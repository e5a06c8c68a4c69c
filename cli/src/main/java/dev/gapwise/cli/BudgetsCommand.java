package dev.gapwise.cli;

import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.keys.KeyRecord;
import dev.gapwise.gateway.spend.AllowanceStore;
import dev.gapwise.gateway.spend.Budget;
import dev.gapwise.gateway.spend.Scope;
import dev.gapwise.gateway.spend.SpendHistory;
import dev.gapwise.gateway.spend.Window;
import dev.gapwise.gateway.spend.counter.Counters;
import dev.gapwise.gateway.spend.counter.RedisCounters;
import dev.gapwise.gateway.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code gapwise budgets}: every budget with what is spent, reserved and left in its window, and when it resets. */
@Command(name = "budgets", mixinStandardHelpOptions = true,
        description = {"Lists every budget of keys and teams: its current window, what is spent, held by requests in",
                "flight and left, and when the window resets. Spent comes from the shared counters when a redis:",
                "section is configured (else from the ledger, which may lag a running gateway by a moment);",
                "reservations live in a running gateway's memory without Redis, so they show as '-'."})
final class BudgetsCommand implements Runnable {
    @Mixin
    GatewayConfigOption config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        GatewayConfig loaded = config.load();
        try (Database database = config.openDatabase()) {
            List<Budget> budgets = new AllowanceStore(database, InstantSource.system()).load().budgets();
            PrintWriter out = spec.commandLine().getOut();
            if (budgets.isEmpty()) {
                out.println("No budget yet: gapwise keys update KEY --budget 50/month, or gapwise teams create TEAM "
                        + "--budget 500/month");
                return;
            }
            Map<String, String> names = KeysCommand.keys(database, config).list().stream()
                    .collect(Collectors.toMap(KeyRecord::id, KeyRecord::name, (a, b) -> a));
            Optional<Counters> counters = loaded.spend().redis().map(redis -> new RedisCounters(redis,
                    redis.password().flatMap(ref -> ref.resolve(System.getenv()))));
            try {
                out.printf("%-5s %-20s %-16s %-9s %-5s %12s %12s %12s %12s  %s%n", "SCOPE", "SUBJECT", "MODEL",
                        "PERIOD", "MODE", "BUDGET USD", "SPENT", "RESERVED", "LEFT", "RESETS AT");
                SpendHistory history = new SpendHistory(database);
                Instant now = Instant.now();
                for (Budget budget : budgets) {
                    Window window = budget.period().window(now, budget.zone());
                    Optional<Counters.Level> level = counters.flatMap(c -> c.peek(List.of(budget.id() + ":" + window.label()))
                            instanceof Counters.Peek.Levels levels ? levels.levels().getFirst() : Optional.empty());
                    long spent = level.isPresent() ? level.get().spentNanos() : history.spent(budget, window);
                    String reserved = level.map(l -> Budget.usd(l.reservedNanos())).orElse("-");
                    long left = Math.max(0, budget.limitNanos() - spent - level.map(Counters.Level::reservedNanos).orElse(0L));
                    out.printf("%-5s %-20s %-16s %-9s %-5s %12s %12s %12s %12s  %s%n", budget.scope().id(),
                            budget.scope() == Scope.KEY ? names.getOrDefault(budget.subject(), budget.subject())
                                    : budget.subject(), budget.target().orElse("-"), budget.period().id(),
                            budget.hard() ? "hard" : "soft", Budget.usd(budget.limitNanos()), Budget.usd(spent), reserved,
                            Budget.usd(left), window.end().map(Instant::toString).orElse("never") + " (" + budget.zone() + ")");
                }
            } finally {
                counters.ifPresent(Counters::close);
            }
        } catch (SQLException e) {
            throw new UserException("cannot read the budgets: " + e.getMessage());
        }
    }
}
