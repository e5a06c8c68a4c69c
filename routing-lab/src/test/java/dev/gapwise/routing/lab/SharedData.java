package dev.gapwise.routing.lab;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the golden tests find ../shared/data/routing (set by the parent pom's surefire configuration). */
public final class SharedData {
    private SharedData() {
    }

    /** The routing data folder; the calling test is skipped when it is absent. */
    public static Path routing() {
        String base = System.getProperty("gapwise.shared.data", "../../shared/data");
        Path dir = Path.of(base).resolve("routing");
        assumeTrue(Files.isDirectory(dir), "shared routing data not found at " + dir);
        return dir;
    }

    /** The realistic requests folder; the calling test is skipped when it is absent. */
    public static Path routingChat() {
        String base = System.getProperty("gapwise.shared.data", "../../shared/data");
        Path dir = Path.of(base).resolve("routing-chat");
        assumeTrue(Files.isDirectory(dir), "shared routing-chat data not found at " + dir);
        return dir;
    }
}
