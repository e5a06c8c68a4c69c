package dev.gapwise.routing.lab.report;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code gapwise eval routing} runs on.
 *
 * @param dataDir   the routing data folder (shared/data/routing)
 * @param chatDir   the realistic requests (shared/data/routing-chat), when present
 * @param sample    at most this many prompts per dataset (a deterministic hash sample), 0 = all
 * @param bootstrap paired bootstrap resamples (≥ 1000 for reported intervals)
 * @param outcomes  a user's outcome file in the generic shape, evaluated instead of the shared data
 * @param strong    for {@code outcomes}: the strong model column (empty: the best model)
 * @param weak      for {@code outcomes}: the weak model column (empty: the worst model)
 * @param command   the command line that produced the report, printed in it
 */
public record EvalOptions(Path dataDir, Optional<Path> chatDir, int sample, int bootstrap, Optional<Path> outcomes, String strong, String weak,
                          String command) {
    public EvalOptions {
        Objects.requireNonNull(chatDir, "chatDir");
        Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(strong, "strong");
        Objects.requireNonNull(weak, "weak");
        Objects.requireNonNull(command, "command");
        if (sample < 0) {
            throw new IllegalArgumentException("--sample must be 0 (all) or positive, got " + sample);
        }
        if (bootstrap < 1) {
            throw new IllegalArgumentException("--bootstrap must be positive, got " + bootstrap);
        }
    }
}
