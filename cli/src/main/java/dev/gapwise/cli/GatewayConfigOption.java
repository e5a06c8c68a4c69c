package dev.gapwise.cli;

import dev.gapwise.gateway.config.ConfigLoader;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.config.KnownProviders;
import dev.gapwise.gateway.dialect.openai.ModelDiscovery;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The {@code --config FILE} option shared by the gateway commands, and how a configuration is found. */
final class GatewayConfigOption {
    static final Path DEFAULT_FILE = Path.of("gapwise.yaml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Gateway configuration (default: ./gapwise.yaml if present, else built-in defaults).")
    Path file;

    /** The file given, or ./gapwise.yaml when it exists. */
    Optional<Path> path() {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new UserException("--config " + file + ": no such file");
            }
            return Optional.of(file);
        }
        return Files.isRegularFile(DEFAULT_FILE) ? Optional.of(DEFAULT_FILE) : Optional.empty();
    }

    /** The configured ledger database (which also holds the virtual keys), migrated. */
    dev.gapwise.gateway.store.Database openDatabase() {
        return dev.gapwise.gateway.store.Database.open(load().ledger().jdbcUrl());
    }

    /** The validated configuration; with no file, providers whose key is set plus a local Ollama if it answers. */
    GatewayConfig load() {
        return path().map(ConfigLoader::load).orElseGet(() -> KnownProviders.defaults(System.getenv(),
                ModelDiscovery.list(URI.create(KnownProviders.OLLAMA.baseUrl()), Duration.ofMillis(300)).isPresent()));
    }
}
