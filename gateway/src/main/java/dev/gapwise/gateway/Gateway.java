package dev.gapwise.gateway;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.call.AttemptRunner;
import dev.gapwise.gateway.call.CallLoop;
import dev.gapwise.gateway.call.UpstreamClient;
import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.ingress.Ingress;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.ledger.Ledger;
import dev.gapwise.gateway.metrics.GatewayMetrics;
import dev.gapwise.gateway.route.PolicyPlanner;
import dev.gapwise.gateway.route.RoutePlanner;
import dev.gapwise.routing.Classifiers;
import dev.gapwise.routing.FrontierLags;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.gateway.store.Database;
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
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A running gateway: Jetty on virtual threads in front of the call loop, the ledger and the virtual keys. Start it
 * with {@link #start}; {@link #close} stops accepting, drains the ledger and releases everything. Thread-safe.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Server server;
    private final Database database;
    private final Ledger ledger;
    private final UpstreamClient upstream;
    private final Fleet fleet;

    private Gateway(Server server, Database database, Ledger ledger, UpstreamClient upstream, Fleet fleet) {
        this.server = server;
        this.database = database;
        this.ledger = ledger;
        this.upstream = upstream;
        this.fleet = fleet;
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
                callable -> new PolicyPlanner(config.policy(), catalog, callable, lags, classifiers));
    }

    /**
     * Starts a gateway.
     *
     * @param planners builds the router from the callable deployments
     */
    public static Gateway start(GatewayConfig config, Catalog catalog, Map<String, String> environment,
                                InstantSource clock, Function<List<Deployment>, RoutePlanner> planners) {
        return start(config, catalog, environment, clock, lagsOf(catalog), planners);
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
                                 InstantSource clock, ModelLags lags, Function<List<Deployment>, RoutePlanner> planners) {
        Fleet fleet = Fleet.resolve(config, catalog, environment, lags);
        Database database = Database.open(config.ledger().jdbcUrl());
        GatewayMetrics metrics = new GatewayMetrics();
        VirtualKeys keys = new VirtualKeys(database, config.auth(), clock);
        refuseOpenListener(config, keys, database);
        Ledger ledger = new Ledger(database, config.ledger().pendingFile(), config.ledger().fsync(),
                config.ledger().batchWindow(), fleet.reference(), metrics::attempt);
        UpstreamClient upstream = new UpstreamClient(config.timeouts());
        CallLoop loop = new CallLoop(fleet.targets(), new AttemptRunner(upstream, config.timeouts(), ledger, clock),
                config.retry(), clock);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("gapwise-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.server().host());
        connector.setPort(config.server().port());
        server.addConnector(connector);
        Gateway gateway = new Gateway(server, database, ledger, upstream, fleet);
        server.setHandler(Ingress.handler(config.server().maxBodyBytes(), keys, planners.apply(fleet.callable()), loop,
                metrics, clock, fleet.callable(), ledger::healthy));
        try {
            server.start();
        } catch (Exception e) {
            gateway.close();
            throw new ConfigException("server", "cannot listen on " + config.server().host() + ":"
                    + config.server().port() + " (" + e.getMessage() + "); pick another --port or stop what uses it");
        }
        fleet.notes().forEach(note -> LOG.info("deployments: {}", note));
        LOG.info("gapwise gateway listening on {} with {} callable deployments, reference {}, auth {}, ledger {}",
                gateway.uri(), fleet.targets().size(), fleet.reference().map(Deployment::id).orElse("none"),
                config.auth().name().toLowerCase(java.util.Locale.ROOT), config.ledger().redactedUrl());
        return gateway;
    }

    private static void refuseOpenListener(GatewayConfig config, VirtualKeys keys, Database database) {
        if (config.auth() != AuthMode.AUTO || loopback(config.server().host()) || keys.anyKeyEver()) {
            return;
        }
        database.close();
        throw new ConfigException("server.host", "refusing to listen on " + config.server().host()
                + " without authentication: create a key (gapwise keys create --name NAME), set 'auth: required', "
                + "or write 'auth: none' to accept anyone on the network");
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

    /** The database holding the ledger and keys. */
    public Database database() {
        return database;
    }

    /** The deployments this gateway can call. */
    public List<Deployment> callable() {
        return fleet.callable();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server: {}", e.getMessage());
        }
        upstream.close();
        ledger.close();
        database.close();
    }
}
