package dev.gapwise.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the public data folders: the --data option, else {@code ../shared/data/routing} (and {@code routing-chat})
 * beside the working directory.
 */
final class SharedDataOption {
    private SharedDataOption() {
    }

    static Path routingDir(Path given) {
        Path dir = given != null ? given : Path.of("..", "shared", "data", "routing");
        if (Files.isDirectory(dir.resolve("routing"))) {
            dir = dir.resolve("routing");
        }
        if (!Files.isRegularFile(dir.resolve("banking77_intents.csv"))) {
            throw new UserException("no routing data in " + dir.toAbsolutePath().normalize()
                    + "; pass --data DIR pointing at shared/data/routing (the folder with banking77_intents.csv)");
        }
        return dir;
    }

    /**
     * The realistic-requests folder: the option, else {@code routing-chat} beside the routing folder. Empty when it
     * is not there and was not asked for (reports then say the realistic section was skipped).
     */
    static java.util.Optional<Path> chatDir(Path given, Path routingDir) {
        Path dir = given != null ? given : routingDir.toAbsolutePath().normalize().resolveSibling("routing-chat");
        if (Files.isRegularFile(dir.resolve("medical_consumer_questions.csv"))) {
            return java.util.Optional.of(dir);
        }
        if (given != null) {
            throw new UserException("no realistic requests in " + dir.toAbsolutePath().normalize()
                    + "; pass --chat-data DIR pointing at shared/data/routing-chat");
        }
        return java.util.Optional.empty();
    }
}
