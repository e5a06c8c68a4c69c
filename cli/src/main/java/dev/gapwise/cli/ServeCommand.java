package dev.gapwise.cli;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.ui.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.InstantSource;
import java.util.List;

/** {@code gapwise serve}: runs the OpenAI- and Anthropic-compatible gateway until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the gateway: POST /v1/chat/completions (OpenAI), POST /v1/messages (Anthropic),",
                "GET /v1/models, /healthz, /readyz, /metrics, and the dashboard at /ui. With no configuration file it uses every provider",
                "whose key variable is set (OPENAI_API_KEY, ANTHROPIC_API_KEY, DEEPSEEK_API_KEY, ...) and a local",
                "Ollama if one answers; with none it still starts and says so on each chat call."})
final class ServeCommand implements Runnable {
    @Mixin
    GatewayConfigOption config;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8080 or the config's).")
    Integer port;

    @Option(names = "--host", paramLabel = "H", description = "Interface to bind (default 127.0.0.1 or the config's).")
    String host;

    @Option(names = "--max-price-age", paramLabel = "DAYS",
            description = "Warn at start about offered catalog prices checked longer ago than DAYS (default 180, or the"
                    + " GAPWISE_MAX_PRICE_AGE_DAYS variable).")
    Long maxPriceAge;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        GatewayConfig loaded = config.load();
        if (port != null) {
            if (port < 0 || port > 65535) {
                throw new UserException("--port " + port + ": use a port between 0 and 65535");
            }
            loaded = loaded.withServer(loaded.server().withPort(port));
        }
        if (host != null) {
            loaded = loaded.withServer(loaded.server().withHost(host));
        }
        java.util.Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        if (maxPriceAge != null) {
            if (maxPriceAge < 0) {
                throw new UserException("--max-price-age must be zero or more days, not " + maxPriceAge);
            }
            environment.put("GAPWISE_MAX_PRICE_AGE_DAYS", String.valueOf(maxPriceAge));
        }
        Catalog catalog = catalog();
        dev.gapwise.routing.Classifiers classifiers = RoutingModels.forPolicy(loaded.policy());
        Gateway gateway = Gateway.start(loaded, catalog, java.util.Map.copyOf(environment), InstantSource.system(),
                classifiers);
        Dashboard dashboard = mountDashboard(gateway, catalog, loaded, classifiers);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            dashboard.close();
        }, "gapwise-shutdown"));
        spec.commandLine().getOut().println("gapwise gateway on " + gateway.uri() + " — " + gateway.callable().size()
                + " deployments; point an OpenAI SDK at " + gateway.uri() + "/v1, an Anthropic SDK at " + gateway.uri()
                + "; the dashboard is at " + gateway.uri() + "/ui");
        spec.commandLine().getOut().flush();
        try {
            gateway.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The dashboard at /ui of the gateway; its router (over the callable deployments, with the gateway's classifiers)
     * prices what another tier's rules would have chosen.
     */
    static Dashboard mountDashboard(Gateway gateway, Catalog catalog, GatewayConfig config,
                                    dev.gapwise.routing.Classifiers classifiers) {
        Catalog callable = new Catalog(catalog.datasets(), gateway.callable(), catalog.families());
        dev.gapwise.routing.ModelLags lags = catalog.datasets().isEmpty() ? dev.gapwise.routing.ModelLags.none()
                : dev.gapwise.routing.FrontierLags.of(catalog);
        return Dashboard.mount(gateway, catalog, config.policy(), java.util.Optional.of(new dev.gapwise.routing.Router(
                config.policy(), callable, lags, classifiers)), InstantSource.system());
    }

    /** The bundled catalog; without its deployments file the gateway runs on configured deployments only. */
    static Catalog catalog() {
        try {
            return BundledCatalogReader.readBundled();
        } catch (DataFileException e) {
            org.slf4j.LoggerFactory.getLogger(ServeCommand.class)
                    .warn("bundled catalog not usable ({}); only deployments from gapwise.yaml are used", e.getMessage());
            return new Catalog(List.of(), List.of());
        }
    }
}
