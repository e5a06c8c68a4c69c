package dev.gapwise.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the routing data folder: the --data option, else ../shared/data/routing beside the working directory. */
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
}
