package dev.gapwise.gateway.spend;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.config.SpendConfig;
import dev.gapwise.gateway.text.LogValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which budgets and rate limits apply to a request: the teams, budgets and key and team limits stored in the
 * database, over the limits the configuration gives every key, team and deployment. Reads never touch the
 * database: they use a snapshot that a background thread reloads every {@value #REFRESH_MILLIS} ms (so a change
 * made with {@code gapwise keys|teams} reaches every instance within that time); a failed reload keeps the last
 * good snapshot. Until one has loaded, {@link #loaded} is false and requests with a key are refused (their
 * budgets are unknown). Thread-safe.
 */
public final class Allowances implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Allowances.class);
    static final long REFRESH_MILLIS = 2_000;

    private final AllowanceStore store;
    private final SpendConfig.LimitSettings defaults;
    private final InstantSource clock;
    private final Map<String, List<RateLimit>> deploymentLimits = new HashMap<>();
    private final Object refreshing = new Object();
    private volatile Snapshot snapshot;
    private volatile Optional<String> lastError = Optional.empty();
    private volatile Thread refresher;

    /** The stored allowances indexed for requests; {@code loadedAt} is empty until a load succeeded. */
    private record Snapshot(Optional<Instant> loadedAt, Map<String, String> members, Map<String, List<Budget>> budgets,
                            Map<String, List<RateLimit>> limits) {
        static final Snapshot NONE = new Snapshot(Optional.empty(), Map.of(), Map.of(), Map.of());
    }

    /** Loads the snapshot once ({@link #start} keeps it fresh). */
    public Allowances(AllowanceStore store, SpendConfig.LimitSettings defaults, InstantSource clock) {
        this.store = store;
        this.defaults = defaults;
        this.clock = clock;
        this.snapshot = Snapshot.NONE;
        defaults.deployments().forEach((id, specs) -> deploymentLimits.put(id, specs.stream()
                .map(spec -> new RateLimit(Scope.DEPLOYMENT, id, spec.metric().orElseThrow(), spec.amount(), spec.period()))
                .toList()));
        refresh();
    }

    /** Starts the background reload (idempotent); {@link #close} stops it. */
    public Allowances start() {
        synchronized (refreshing) {
            if (refresher == null) {
                refresher = Thread.ofPlatform().name("gapwise-allowances").daemon(true).start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            Thread.sleep(REFRESH_MILLIS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        refresh();
                    }
                });
            }
        }
        return this;
    }

    /** Reloads now; on failure the last good snapshot stays in use. */
    public void refresh() {
        AllowanceStore.Stored stored;
        try {
            stored = store.load();
        } catch (SQLException | RuntimeException e) {
            if (lastError.isEmpty()) {
                LOG.warn("budgets: cannot reload teams, budgets and limits ({}); {}", LogValue.of(e.getMessage()),
                        snapshot.loadedAt().isPresent() ? "the last good ones stay in use"
                                : "requests with a key are refused with 503 until they load");
            }
            lastError = Optional.of(String.valueOf(e.getMessage()));
            return;
        }
        Map<String, List<Budget>> budgets = new HashMap<>();
        for (Budget budget : stored.budgets()) {
            budgets.computeIfAbsent(budget.scope().id() + ":" + budget.subject(), k -> new ArrayList<>()).add(budget);
        }
        Map<String, List<RateLimit>> limits = new HashMap<>();
        for (RateLimit limit : stored.limits()) {
            limits.computeIfAbsent(limit.scope().id() + ":" + limit.subject(), k -> new ArrayList<>()).add(limit);
        }
        if (lastError.isPresent()) {
            LOG.info("budgets: teams, budgets and limits load again");
        }
        snapshot = new Snapshot(Optional.of(clock.instant()), stored.members(), budgets, limits);
        lastError = Optional.empty();
    }

    /** True once a snapshot has loaded. */
    public boolean loaded() {
        return snapshot.loadedAt().isPresent();
    }

    /** The last reload error, while reloads fail. */
    public Optional<String> lastError() {
        return lastError;
    }

    /** The team a key belongs to. */
    public Optional<String> teamOf(String keyId) {
        return Optional.ofNullable(snapshot.members().get(keyId));
    }

    /** Every budget of the key and of its team (all targets). */
    public List<Budget> budgets(Optional<String> keyId, Optional<String> team) {
        Snapshot current = snapshot;
        List<Budget> budgets = new ArrayList<>();
        keyId.ifPresent(id -> budgets.addAll(current.budgets().getOrDefault("key:" + id, List.of())));
        team.ifPresent(name -> budgets.addAll(current.budgets().getOrDefault("team:" + name, List.of())));
        return budgets;
    }

    /** The budgets that spend on {@code deployment} counts against. */
    public List<Budget> budgets(Optional<String> keyId, Optional<String> team, Deployment deployment) {
        return budgets(keyId, team).stream().filter(b -> b.covers(deployment)).toList();
    }

    /** The key's and its team's rate limits: their own, and the configured defaults they do not replace. */
    public List<RateLimit> callerLimits(Optional<String> keyId, Optional<String> team) {
        Snapshot current = snapshot;
        List<RateLimit> limits = new ArrayList<>();
        keyId.ifPresent(id -> limits.addAll(merged(Scope.KEY, id, current.limits().getOrDefault("key:" + id, List.of()),
                defaults.perKey())));
        team.ifPresent(name -> limits.addAll(merged(Scope.TEAM, name,
                current.limits().getOrDefault("team:" + name, List.of()), defaults.perTeam())));
        return limits;
    }

    /** The configured rate limits of a deployment. */
    public List<RateLimit> deploymentLimits(Deployment deployment) {
        return deploymentLimits.getOrDefault(deployment.id(), List.of());
    }

    private static List<RateLimit> merged(Scope scope, String subject, List<RateLimit> own, List<SpendSpecs.LimitSpec> specs) {
        List<RateLimit> limits = new ArrayList<>(own);
        for (SpendSpecs.LimitSpec spec : specs) {
            RateLimit.Metric metric = spec.metric().orElseThrow();
            Duration period = spec.period();
            if (own.stream().noneMatch(l -> l.metric() == metric && l.period().equals(period))) {
                limits.add(new RateLimit(scope, subject, metric, spec.amount(), period));
            }
        }
        return limits;
    }

    @Override
    public void close() {
        Thread running;
        synchronized (refreshing) {
            running = refresher;
            refresher = null;
        }
        if (running != null) {
            running.interrupt();
        }
    }
}
