package dev.gapwise.cli;

import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.keys.KeyRecord;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.spend.AllowanceStore;
import dev.gapwise.gateway.spend.BudgetPeriod;
import dev.gapwise.gateway.spend.RateLimit;
import dev.gapwise.gateway.spend.Scope;
import dev.gapwise.gateway.spend.SpendSpecs;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The budget and rate-limit options shared by {@code gapwise keys create|update} and {@code gapwise teams
 * create|update}, and how they are written for a key or a team.
 */
final class SpendOptions {
    @Option(names = "--budget", paramLabel = "SPEC", description = {"A budget in USD, repeatable: 50/month, 5/day,",
            "100/lifetime; :soft lets the crossing request complete (5/day:soft); @MODEL limits it to one model or",
            "deployment (20/month@gpt-4o). Setting one of the same period and model replaces it."})
    List<String> budgets = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "SPEC", description = {"A rate limit, repeatable: requests=60/minute,",
            "tokens=200000/minute, requests=10000/day."})
    List<String> limits = new ArrayList<>();

    @Option(names = "--time-zone", paramLabel = "ZONE", description = {"The zone the day and month windows of the",
            "budgets given here align to (default: budgets.time_zone of gapwise.yaml, else UTC)."})
    String zone;

    @Option(names = "--remove-budget", paramLabel = "PERIOD[@MODEL]", description = "Removes a budget, repeatable: month, day@gpt-4o.")
    List<String> removeBudgets = new ArrayList<>();

    @Option(names = "--remove-limit", paramLabel = "METRIC=PERIOD", description = "Removes a rate limit, repeatable: requests=minute.")
    List<String> removeLimits = new ArrayList<>();

    /** Checks the budgets, limits and zone given, before anything is written. */
    void check() {
        if (zone != null) {
            zone(zone);
        }
        budgets.forEach(text -> SpendSpecs.budget(text).orElseThrow(
                () -> new UserException("--budget '" + text + "': write " + SpendSpecs.BUDGET_FORM)));
        limits.forEach(text -> SpendSpecs.limit(text).filter(s -> s.metric().isPresent()).orElseThrow(() ->
                new UserException("--limit '" + text + "': write requests=N/PERIOD or tokens=N/PERIOD, e.g. "
                        + "requests=60/minute")));
    }

    /** Parses every option first (nothing is written when one is wrong), then writes them. */
    void apply(AllowanceStore store, Scope scope, String subject, GatewayConfig config, PrintWriter out)
            throws SQLException {
        check();
        ZoneId timeZone = zone == null ? config.spend().budgets().timeZone() : zone(zone);
        List<SpendSpecs.BudgetSpec> budgetSpecs = budgets.stream().map(text -> SpendSpecs.budget(text).orElseThrow(
                () -> new UserException("--budget '" + text + "': write " + SpendSpecs.BUDGET_FORM))).toList();
        List<RateLimit> rateLimits = new ArrayList<>();
        for (String text : limits) {
            SpendSpecs.LimitSpec spec = SpendSpecs.limit(text).filter(s -> s.metric().isPresent()).orElseThrow(() ->
                    new UserException("--limit '" + text + "': write requests=N/PERIOD or tokens=N/PERIOD, e.g. "
                            + "requests=60/minute"));
            rateLimits.add(new RateLimit(scope, subject, spec.metric().get(), spec.amount(), spec.period()));
        }
        for (String text : removeBudgets) {
            String[] parts = text.split("@", 2);
            BudgetPeriod period = BudgetPeriod.parse(parts[0]).orElseThrow(() -> new UserException("--remove-budget '"
                    + text + "': write day, month or lifetime, with @MODEL for a model's budget"));
            if (!store.removeBudget(scope, subject, period, parts.length > 1 ? Optional.of(parts[1]) : Optional.empty())) {
                throw new UserException("--remove-budget '" + text + "': there is no such budget");
            }
            out.println("removed the " + text + " budget");
        }
        for (String text : removeLimits) {
            SpendSpecs.LimitSpec spec = SpendSpecs.limit(text.replace("=", "=1/")).filter(s -> s.metric().isPresent())
                    .orElseThrow(() -> new UserException("--remove-limit '" + text + "': write requests=minute or "
                            + "tokens=day"));
            if (!store.removeLimit(scope, subject, spec.metric().get(), spec.period())) {
                throw new UserException("--remove-limit '" + text + "': there is no such limit");
            }
            out.println("removed the " + text + " limit");
        }
        for (SpendSpecs.BudgetSpec spec : budgetSpecs) {
            store.setBudget(scope, subject, spec, timeZone);
            out.println("budget " + text(spec) + " (" + (spec.hard() ? "hard" : "soft") + ", windows in " + timeZone + ")");
        }
        for (RateLimit limit : rateLimits) {
            store.setLimit(limit);
            out.println("rate limit " + limit.describe());
        }
    }

    private static String text(SpendSpecs.BudgetSpec spec) {
        return dev.gapwise.gateway.spend.Budget.usd(spec.limitNanos()) + " USD per " + spec.period().id()
                + spec.target().map(t -> " on " + t).orElse("");
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new UserException("--time-zone '" + text + "' is not a time zone; write a region such as UTC, "
                    + "Europe/Paris or America/New_York");
        }
    }

    /** The active key with this id or name. */
    static KeyRecord key(VirtualKeys keys, String idOrName) throws SQLException {
        List<KeyRecord> matches = keys.list().stream().filter(k -> k.revokedAt().isEmpty())
                .filter(k -> k.id().equals(idOrName) || k.name().equals(idOrName)).toList();
        if (matches.isEmpty()) {
            throw new UserException("no active key with id or name '" + idOrName + "' (see: gapwise keys list)");
        }
        if (matches.size() > 1) {
            throw new UserException("several active keys are named '" + idOrName + "'; use the id (see: gapwise keys list)");
        }
        return matches.getFirst();
    }
}
