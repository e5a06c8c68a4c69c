package dev.gapwise.gateway.ledger;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.ConfigLoader;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

/**
 * Runs a gateway alone in its own JVM, closed by a shutdown hook on SIGTERM as {@code gapwise serve} is: {@code
 * GatewayProcessMain CONFIG.yaml}.
 */
public final class GatewayProcessMain {
    private GatewayProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        Gateway gateway = Gateway.start(ConfigLoader.load(Path.of(args[0])), new Catalog(List.of(), List.of()),
                TestGateway.environment(), InstantSource.system());
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gapwise-shutdown"));
        System.out.println("READY " + gateway.port());
        System.out.flush();
        gateway.join();
    }
}
