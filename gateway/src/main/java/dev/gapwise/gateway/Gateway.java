package dev.gapwise.gateway;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.call.AttemptRunner;
import dev.gapwise.gateway.call.CallLoop;
import dev.gapwise.gateway.call.UpstreamClient;
import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.embeddings.EmbeddingCatalog;
import dev.gapwise.gateway.embeddings.EmbeddingFleet;
import dev.gapwise.gateway.embeddings.EmbeddingPlanner;
import dev.gapwise.gateway.ingress.Ingress;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.ledger.Ledger;
import dev.gapwise.gateway.metrics.GatewayMetrics;
import dev.gapwise.gateway.config.RedisConfig;
import dev.gapwise.gateway.price.AttemptFanOut;
import dev.gapwise.gateway.spend.AllowanceStore;
import dev.gapwise.gateway.spend.Allowances;
import dev.gapwise.gateway.spend.Budgets;
import dev.gapwise.gateway.spend.SpendGate;
import dev.gapwise.gateway.spend.SpendHistory;
import dev.gapwise.gateway.spend.counter.Counters;
import dev.gapwise.gateway.spend.counter.LocalCounters;
import dev.gapwise.gateway.spend.counter.RedisCounters;
import dev.gapwise.gateway.route.AliasedPlanner;
import dev.gapwise.gateway.route.PolicyPlanner;
import dev.gapwise.gateway.route.RoutePlanner;
import dev.gapwise.gateway.shadow.Feedbacks;
import dev.gapwise.gateway.shadow.ShadowRunner;
import dev.gapwise.gateway.shadow.ShadowStore;
import dev.gapwise.gateway.shadow.ShadowTap;
import dev.gapwise.routing.Classifiers;
import dev.gapwise.routing.FrontierLags;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.gateway.store.Database;
import dev.gapwise.gateway.dialect.responses.ResponseStore;
import dev.gapwise.gateway.call.Cancellation;
import dev.gapwise.gateway.ingress.InFlight;
import dev.gapwise.gateway.ingress.Readiness;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.text.CleanText;
import dev.gapwise.gateway.telemetry.RequestTrace;
import dev.gapwise.gateway.telemetry.Telemetry;
import dev.gapwise.gateway.text.Redactor;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * A running gateway: Jetty on virtual threads in front of the call loop, the ledger and the virtual keys. Start it
 * with {@link #start}; {@link #close} shuts it down gracefully: it stops accepting connections, answers new
 * requests on open connections with 503, lets requests in flight finish for {@code server.shutdown_grace}, ends
 * those still running with an error in their dialect (an error event on a stream, never a clean end), gives the
 * ledger a few seconds to reach the database (rows it cannot write stay in the pending file for the next start),
 * and releases everything. The gateway starts and serves while its database is down. Thread-safe.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final Duration CANCELLED_CALLS_TIME = Duration.ofSeconds(3);
    private static final Duration LEDGER_FLUSH_TIME = Duration.ofSeconds(5);

    private final Server server;
    private final Database database;
    private final Ledger ledger;
    private final UpstreamClient upstream;
    private final Fleet fleet;
    private final VirtualKeys keys;
    private final Allowances allowances;
    private final SpendGate spend;
    private final InFlight inFlight;
    private final Duration shutdownGrace;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Optional<ShadowRunner> shadow = Optional.empty();
    private final Telemetry telemetry;
    // set once in start, before the server starts (the ingress handler needs this instance first)
    private volatile Mounts mounts;
    private volatile Optional<String> adminKey = Optional.empty();
    private volatile AuthMode auth = AuthMode.AUTO;

    private Gateway(Server server, Database database, Ledger ledger, UpstreamClient upstream, Fleet fleet,
                    VirtualKeys keys, Allowances allowances, SpendGate spend, InFlight inFlight, Duration shutdownGrace,
                    Telemetry telemetry) {
        this.telemetry = telemetry;
        this.server = server;
        this.database = database;
        this.ledger = ledger;
        this.upstream = upstream;
        this.fleet = fleet;
        this.keys = keys;
        this.allowances = allowances;
        this.spend = spend;
        this.inFlight = inFlight;
        this.shutdownGrace = shutdownGrace;
    }
    /**
     * Starts a gateway that routes by the configuration's policy ({@link PolicyPlanner}), with each model's lag
     * behind the frontier computed from the catalog by the gap module.
     */
    public static Gateway start(GatewayConfig config, Catalog catalog, Map<String, String> environment,
                                InstantSource clock) {
        return start(config, catalog, environment, clock, Classifiers.bundled());
    }

    /** Starts a gateway that routes by the configuration's policy with these classifiers. */
    public static Gateway start(GatewayConfig config, Catalog catalog, Map<String, String> environment,
                                InstantSource clock, Classifiers classifiers) {
        ModelLags lags = lagsOf(catalog);
        return start(config, catalog, environment, clock, lags,
                fleet -> new PolicyPlanner(config.policy(), catalog, fleet.callable(), lags, classifiers,
                        fleet.reference(), java.util.Set.copyOf(fleet.unpriced())));
    }

    /**
     * Starts a gateway.
     *
     * @param planners builds the router from the callable deployments
     */
    public static Gateway start(GatewayConfig config, Catalog catalog, Map<String, String> environment,
                                InstantSource clock, Function<List<Deployment>, RoutePlanner> planners) {
        return start(config, catalog, environment, clock, lagsOf(catalog), fleet -> planners.apply(fleet.callable()));
    }

    /**
     * What a gateway started with this configuration could call, and why it leaves the rest out — without starting
     * one (for {@code gapwise route}). Resolves provider keys from {@code environment} and asks local servers
     * configured for discovery, as {@link #start} does.
     *
     * @param callable  the deployments it would route among
     * @param notes     what was skipped and why, and which deployment is the savings baseline
     * @param reference the savings baseline
     * @param lags      each model's lag behind the frontier
     */
    public record Preview(List<Deployment> callable, List<String> notes, java.util.Optional<Deployment> reference,
                          ModelLags lags) {
        public Preview {
            callable = List.copyOf(callable);
            notes = List.copyOf(notes);
        }
    }

    /** The {@link Preview} of a configuration. */
    public static Preview preview(GatewayConfig config, Catalog catalog, Map<String, String> environment) {
        ModelLags lags = lagsOf(catalog);
        Fleet fleet = Fleet.resolve(config, catalog, environment, lags);
        return new Preview(fleet.callable(), fleet.notes(), fleet.reference(), lags);
    }

    /** Each model's lag behind the frontier, from the catalog's scores (none when the catalog has no data). */
    private static ModelLags lagsOf(Catalog catalog) {
        return catalog.datasets().isEmpty() ? ModelLags.none() : FrontierLags.of(catalog);
    }

    private static Gateway start(GatewayConfig config, Catalog catalog, Map<String, String> environment,
                                 InstantSource clock, ModelLags lags, Function<Fleet, RoutePlanner> planners) {
        Fleet fleet = Fleet.resolve(config, catalog, environment, lags);
        EmbeddingFleet embeddingFleet = EmbeddingFleet.resolve(config, EmbeddingCatalog.bundled(), environment);
        CatalogWarnings.of(catalog, config, environment, java.time.LocalDate.ofInstant(clock.instant(),
                java.time.ZoneOffset.UTC)).forEach(warning -> LOG.warn("catalog: {}", warning));
        Optional<String> adminKey = config.access().adminKey().flatMap(ref -> ref.resolve(environment));
        Optional<String> redisPassword = config.spend().redis().flatMap(RedisConfig::password)
                .flatMap(ref -> ref.resolve(environment));
        Redactor redactor = new Redactor(Stream.of(fleet.secrets().stream(), adminKey.stream(), redisPassword.stream(),
                embeddingFleet.targets().values().stream().flatMap(t -> t.apiKey().stream()),
                config.telemetry().secretValues(environment).stream()).flatMap(s -> s).toList());
        Database database = Database.openForServing(config.ledger().jdbcUrl());
        if (!database.migrated()) {
            LOG.warn("database {} is unreachable at start: serving anyway; ledger rows stay durable in {} and are "
                    + "written when it returns; requests that need a key get 503 until the key snapshot loads",
                    config.ledger().redactedUrl(), config.ledger().pendingFile().toAbsolutePath());
        }
        GatewayMetrics metrics = new GatewayMetrics();
        VirtualKeys keys = new VirtualKeys(database, config.auth(), clock).start();
        Ledger ledger;
        try {
            refuseOpenListener(config, keys);
            ledger = new Ledger(database, config.ledger().pendingFile(), config.ledger().fsync(),
                    config.ledger().batchWindow());
        } catch (RuntimeException e) {
            keys.close();
            database.close();
            throw e;
        }
        metrics.ledger(ledger);
        UpstreamClient upstream = new UpstreamClient(config.timeouts());
        Allowances allowances = new Allowances(new AllowanceStore(database, clock), config.spend().limits(), clock).start();
        Counters counters = config.spend().redis().<Counters>map(redis -> new RedisCounters(redis, redisPassword))
                .orElseGet(() -> new LocalCounters(clock));
        Ledger written = ledger;
        SpendGate spend = new SpendGate(allowances, fleet.pricing().with(embeddingFleet.prices()), counters, new SpendHistory(database),
                () -> catchUp(written), config.spend().budgets(),
                config.spend().redis().map(RedisConfig::onOutage).orElse(RedisConfig.OnOutage.SERVE), metrics, clock);
        Telemetry telemetry = startTelemetry(config, environment, redactor, ledger, keys, database);
        AttemptFanOut attempts = new AttemptFanOut(fleet.pricing(), ledger::record, telemetry.enabled()
                ? List.of(spend, metrics::attempt, priced -> RequestTrace.current().attempted(priced))
                : List.of(spend, metrics::attempt));
        CallLoop loop = new CallLoop(fleet.targets(), new AttemptRunner(upstream, config.timeouts(), attempts, clock,
                redactor), config.retry(), clock, spend);
        CallLoop embeddingLoop = new CallLoop(embeddingFleet.targets(), new AttemptRunner(upstream, config.timeouts(),
                new AttemptFanOut(embeddingFleet.pricing(), ledger::record, List.of(spend, metrics::attempt)), clock,
                redactor), config.retry(), clock, spend);
        QueuedThreadPool threads = new InlineResumePool();
        threads.setName("gapwise-http");
        java.util.concurrent.ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
        threads.setVirtualThreadsExecutor(virtualThreads);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.server().host());
        connector.setPort(config.server().port());
        server.addConnector(connector);
        server.setErrorHandler(Ingress.errorHandler());
        InFlight inFlight = new InFlight();
        Gateway gateway = new Gateway(server, database, ledger, upstream, fleet, keys, allowances, spend, inFlight,
                config.server().shutdownGrace(), telemetry);
        RoutePlanner planner = AliasedPlanner.of(planners.apply(fleet), config.modelAliases());
        ShadowTap shadow = gateway.startShadow(config, fleet, redactor, clock);
        gateway.mounts = new Mounts(Ingress.handler(new Ingress.Parts(config.server(), config.access(), adminKey, keys,
                planner, loop, metrics, clock, fleet.callable(), gateway::readiness, inFlight,
                redactor, new Budgets(spend, planner, config.spend().budgets().fillRules()), telemetry, shadow,
                Feedbacks.in(database, clock),
                Optional.of(new ResponseStore(database, config.ledger().responsesRetention(), clock))),
                new Ingress.Embeddings(new EmbeddingPlanner(config.policy(), embeddingFleet.callable(),
                        embeddingFleet.prices(), config.embeddings().tiers()), embeddingLoop)), virtualThreads, threads);
        gateway.adminKey = adminKey;
        gateway.auth = config.auth();
        server.setHandler(gateway.mounts);
        try {
            server.start();
        } catch (Exception e) {
            gateway.close();
            throw new ConfigException("server", "cannot listen on " + config.server().host() + ":"
                    + config.server().port() + " (" + e.getMessage() + "); pick another --port or stop what uses it");
        }
        fleet.notes().forEach(note -> LOG.info("deployments: {}", note));
        embeddingFleet.notes().forEach(note -> LOG.info("embedding deployments: {}", note));
        LOG.info("gapwise gateway listening on {} with {} callable deployments, reference {}, auth {}, ledger {}, "
                        + "budget and rate-limit counters {}", gateway.uri(), fleet.targets().size(),
                fleet.reference().map(Deployment::id).orElse("none"),
                config.auth().name().toLowerCase(java.util.Locale.ROOT), config.ledger().redactedUrl(), spend.describe());
        return gateway;
    }

    /** Starts shadow evaluation when the configuration has shadow rules (the runner is closed with the gateway). */
    private ShadowTap startShadow(GatewayConfig config, Fleet fleet, Redactor redactor, InstantSource clock) {
        if (!config.shadow().enabled()) {
            return ShadowTap.NONE;
        }
        try {
            shadow = Optional.of(ShadowRunner.start(config.shadow(), config.policy(), fleet.targets(), fleet.pricing(),
                    new ShadowStore(database), config.timeouts(), redactor, clock));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return shadow.get();
    }

    /** The shadow runner, when shadowing is on (tests read its counters). */
    public Optional<ShadowRunner> shadow() {
        return shadow;
    }

    /** Tracing as configured; a bad export setting closes what was opened and fails the start. */
    private static Telemetry startTelemetry(GatewayConfig config, Map<String, String> environment, Redactor redactor,
                                            Ledger ledger, VirtualKeys keys, Database database) {
        try {
            return Telemetry.start(config.telemetry(), environment, redactor);
        } catch (RuntimeException e) {
            ledger.close(Duration.ZERO);
            keys.close();
            database.close();
            throw e;
        }
    }

    /** Lets this process's ledger rows reach the database (at most a second) before a budget window is read from it. */
    private static void catchUp(Ledger ledger) {
        if (ledger.pendingRows() == 0) {
            return;
        }
        try {
            ledger.flush(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void refuseOpenListener(GatewayConfig config, VirtualKeys keys) {
        if (config.auth() != AuthMode.AUTO || loopback(config.server().host())
                || keys.keysRequired().orElse(false)) {
            return;
        }
        throw new ConfigException("server.host", "refusing to listen on " + config.server().host()
                + " without authentication" + (keys.keysRequired().isEmpty()
                ? " (the database is unreachable, so it is unknown whether keys exist)" : "")
                + ": create a key (gapwise keys create --name NAME), set 'auth: required', "
                + "or write 'auth: none' to accept anyone on the network");
    }

    /**
     * Jetty's thread pool, except that a connection handed to it by a virtual thread is read on that thread. When a
     * request that {@link Mounts} dispatched to a virtual thread completes, Jetty hands its connection to the pool
     * to be read for the next request; the pool would wake a pooled platform thread for that, one more context
     * switch per request than when Jetty itself ran the request on a virtual thread. Read inline, the connection
     * only registers interest in the socket again (or, when the next request is already there, parses it and
     * {@link Mounts} dispatches it), as Jetty's own loop did on the request's virtual thread before.
     */
    private static final class InlineResumePool extends QueuedThreadPool {
        @Override
        public void execute(Runnable job) {
            if (job instanceof org.eclipse.jetty.io.Connection && Thread.currentThread().isVirtual()) {
                job.run();
                return;
            }
            super.execute(job);
        }
    }

    /** What {@code /readyz} says now. */
    Readiness readiness() {
        ObjectNode details = Json.object();
        Ledger.Status ledgerStatus = ledger.status();
        ObjectNode db = details.putObject("database").put("status", ledgerStatus.databaseUp() ? "up" : "unreachable");
        ledgerStatus.since().ifPresent(since -> db.put("since", since.toString()));
        ledgerStatus.lastError().ifPresent(error -> db.put("error", CleanText.of(error, 300)));
        details.putObject("ledger").put("writer", ledger.running() ? "running" : "stopped")
                .put("pending_rows", ledger.pendingRows()).put("quarantined_rows", ledger.quarantinedRows());
        VirtualKeys.Status keyStatus = keys.status();
        ObjectNode keyNode = details.putObject("keys").put("snapshot", keyStatus.loaded()
                ? (keyStatus.lastError().isPresent() ? "stale" : "fresh") : "never loaded");
        keyStatus.loadedAt().ifPresent(at -> keyNode.put("loaded_at", at.toString()));
        details.putObject("budgets").put("counters", spend.describe())
                .put("limits_snapshot", allowances.loaded() ? (allowances.lastError().isPresent() ? "stale" : "fresh")
                        : "never loaded").put("pending_settles", spend.pendingSettles());
        if (!fleet.unpriced().isEmpty()) {
            // served, but their cost is unknown: flagged here and in the start-up log, never recorded as $0
            fleet.unpriced().forEach(details.putObject("prices").putArray("unpriced")::add);
        }
        Readiness.Status status;
        if (inFlight.draining()) {
            details.put("shutdown", "draining");
            status = Readiness.Status.NOT_READY;
        } else if (!ledger.running() || keys.keysRequired().isEmpty()) {
            status = Readiness.Status.NOT_READY;
        } else if (!ledgerStatus.databaseUp() || keyStatus.lastError().isPresent()) {
            status = Readiness.Status.DEGRADED;
        } else {
            status = Readiness.Status.READY;
        }
        return new Readiness(status, details);
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** The ledger (tests wait on {@link Ledger#flush()}). */
    public Ledger ledger() {
        return ledger;
    }

    /** Reloads keys, teams, budgets and limits now instead of within two seconds (tests, tools). */
    public void refresh() {
        keys.refresh();
        allowances.refresh();
    }

    /** The virtual keys (tests refresh their snapshot instead of waiting for the refresher). */
    public VirtualKeys keys() {
        return keys;
    }

    /** The database holding the ledger and keys. */
    public Database database() {
        return database;
    }

    /** The deployments this gateway can call. */
    public List<Deployment> callable() {
        return fleet.callable();
    }

    /** The deployments without a price: served, but their cost is unknown (never $0). */
    public java.util.Set<String> unpriced() {
        return java.util.Set.copyOf(fleet.unpriced());
    }

    /** The savings baseline every ledger row's baseline cost is priced on, when one is known. */
    public Optional<Deployment> reference() {
        return fleet.reference();
    }

    /**
     * The budgets of a key (and its team) or of a team, each with its current window's spent and reserved (attempts
     * in flight), read from this gateway's counters.
     */
    public List<SpendGate.BudgetLevel> budgetLevels(Optional<String> keyId, Optional<String> team) {
        Optional<String> teamOf = team.or(() -> keyId.flatMap(allowances::teamOf));
        return spend.levels(keyId, teamOf, false);
    }

    /** The team a key belongs to, as of the last reload. */
    public Optional<String> teamOf(String keyId) {
        return allowances.teamOf(keyId);
    }

    /** How requests are authenticated. */
    public AuthMode auth() {
        return auth;
    }

    /** True when {@code presented} is the configured admin key ({@code admin_key:}); compared in constant time. */
    public boolean adminKey(String presented) {
        return presented != null && adminKey.isPresent() && java.security.MessageDigest.isEqual(
                adminKey.get().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Serves every request under {@code prefix} (e.g. {@code /ui}) with {@code handler} instead of the API; the
     * handler answers its own auth and errors.
     */
    public void mount(String prefix, org.eclipse.jetty.server.Handler handler) {
        mounts.mount(prefix, handler);
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Calls running now. */
    public int inFlight() {
        return inFlight.size();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        inFlight.drain();
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector listening) {
                listening.close();
            }
        }
        try {
            int running = inFlight.size();
            if (running > 0) {
                LOG.info("shutdown: no longer accepting; waiting up to {} ms for {} requests in flight",
                        shutdownGrace.toMillis(), running);
            }
            if (!inFlight.awaitIdle(shutdownGrace)) {
                int ended = inFlight.cancelAll(Cancellation.Reason.SHUTDOWN);
                LOG.warn("shutdown: ending {} requests still running after the {} ms grace period, each with an "
                        + "error in its dialect", ended, shutdownGrace.toMillis());
                inFlight.awaitIdle(CANCELLED_CALLS_TIME);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server: {}", e.getMessage());
        }
        shadow.ifPresent(ShadowRunner::close);
        keys.close();
        allowances.close();
        spend.close();
        upstream.close();
        telemetry.close();
        ledger.close(LEDGER_FLUSH_TIME);
        database.close();
        LOG.info("shutdown: done");
    }
}
