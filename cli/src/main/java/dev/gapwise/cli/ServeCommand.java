package dev.gapwise.cli;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.InstantSource;
import java.util.List;

/** {@code gapwise serve}: runs the OpenAI- and Anthropic-compatible gateway until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the gateway: POST /v1/chat/completions (OpenAI), POST /v1/messages (Anthropic),",
                "GET /v1/models, /healthz, /readyz, /metrics. With no configuration file it uses every provider",
                "whose key variable is set (OPENAI_API_KEY, ANTHROPIC_API_KEY, DEEPSEEK_API_KEY, ...) and a local",
                "Ollama if one answers; with none it still starts and says so on each chat call."})
final class ServeCommand implements Runnable {
    @Mixin
    GatewayConfigOption config;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8080 or the config's).")
    Integer port;

    @Option(names = "--host", paramLabel = "H", description = "Interface to bind (default 127.0.0.1 or the config's).")
    String host;

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
        Gateway gateway = Gateway.start(loaded, catalog(), System.getenv(), InstantSource.system(),
                RoutingModels.forPolicy(loaded.policy()));
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gapwise-shutdown"));
        spec.commandLine().getOut().println("gapwise gateway on " + gateway.uri() + " — " + gateway.callable().size()
                + " deployments; point an OpenAI SDK at " + gateway.uri() + "/v1, an Anthropic SDK at " + gateway.uri());
        spec.commandLine().getOut().flush();
        try {
            gateway.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
