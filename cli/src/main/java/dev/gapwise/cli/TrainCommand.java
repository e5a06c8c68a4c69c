package dev.gapwise.cli;

import dev.gapwise.routing.classify.ClassifierTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code gapwise train}: fits the risk and complexity classifiers and writes the model files. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the fast-path risk and complexity classifiers on the labeled routing data (train split),",
                "fits the risk threshold on the validation split, prints test-split numbers, and writes the model",
                "files that Gapwise ships (commit them). Deterministic: the same data give the same files."})
final class TrainCommand implements Runnable {
    @Option(names = "--data", paramLabel = "DIR", description = "The routing data folder (default: ../shared/data/routing).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "routing/src/main/resources/gapwise/routing",
            description = "Where to write risk.model and complexity.model (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter writer = spec.commandLine().getOut();
        Path dir = SharedDataOption.routingDir(data);
        if (!Files.isDirectory(out)) {
            throw new UserException("output folder " + out.toAbsolutePath().normalize()
                    + " does not exist; run from the project root or pass --out DIR");
        }
        ClassifierTraining.Result result = ClassifierTraining.train(dir, line -> {
            writer.println(line);
            writer.flush();
        });
        result.report().forEach(writer::println);
        for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
            Path target = out.resolve(file.getKey());
            try {
                Files.write(target, file.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
            writer.printf("wrote %s (%,d bytes)%n", target, file.getValue().length);
        }
    }
}
