package dev.gapwise.catalog.imports;

import dev.gapwise.catalog.epoch.EpochHubReader;
import dev.gapwise.catalog.epoch.EpochModelListReader;
import dev.gapwise.catalog.epoch.OpenModelsReportReader;
import dev.gapwise.catalog.lmarena.ArenaReaders;
import dev.gapwise.catalog.lmarena.OrganizationCountries;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Every CSV shape Gapwise can import, recognised by its header; the registry is explicit, not scanned. */
enum FileKind {
    EPOCH_ECI("Epoch Capabilities Index", EpochHubReader::isEciFile),
    EPOCH_HUB_BENCHMARK("Epoch Benchmarking Hub benchmark", EpochHubReader::isBenchmarkFile),
    EPOCH_ECI_FIT("Epoch ECI fit parameters (not needed: Gapwise uses the published ECI scores)",
            header -> header.contains("edi") || header.containsAll(List.of("benchmark", "slope"))
                    || header.stream().anyMatch(h -> h.toLowerCase(java.util.Locale.ROOT).contains("anchor"))),
    REPORT_BENCHMARKS("Epoch 2024 open-models report: benchmark scores", OpenModelsReportReader::isBenchmarkTable),
    REPORT_GSM1K("Epoch 2024 open-models report: GSM1k scores", OpenModelsReportReader::isGsm1kTable),
    REPORT_SPECULATIVE_COMPUTE("Epoch 2024 open-models report: speculative compute estimates",
            OpenModelsReportReader::isSpeculativeComputeTable),
    REPORT_EXCLUDED_FINETUNES("Epoch 2024 open-models report: excluded fine-tunes",
            OpenModelsReportReader::isExcludedTable),
    EPOCH_MODEL_LIST("Epoch Data on AI Models list", EpochModelListReader::matches),
    ARENA_RATING_HISTORY("LMArena rating history", ArenaReaders::isRatingHistory),
    ARENA_DISPLAYED_ELO("LMArena displayed Elo tables", ArenaReaders::isDisplayedElo),
    ARENA_METADATA("LMArena model metadata", ArenaReaders::isMetadata),
    ARENA_SNAPSHOTS("LMArena leaderboard snapshots", ArenaReaders::isSnapshots),
    ARENA_ORG_COUNTRIES("organisation → country map", OrganizationCountries::matches),
    REFERENCE_FIGURES("published reference figures (use with 'gapwise gap reproduce --reference')",
            header -> header.containsAll(List.of("id", "metric", "comparison", "benchmark_or_index", "value"))),
    GAPWISE_MODELS("Gapwise catalog models", header -> header.containsAll(List.of("id", "name", "access", "release_date"))),
    GAPWISE_SCORES("Gapwise catalog scores", header -> header.containsAll(List.of("model_id", "benchmark", "score", "as_of"))),
    GAPWISE_DEPLOYMENTS("Gapwise catalog deployments",
            header -> header.containsAll(List.of("id", "model_id", "provider", "dialect", "base_url"))),
    GAPWISE_FAMILIES("Gapwise task families", header -> header.containsAll(List.of("family", "family_name", "benchmark")));

    private final String description;
    private final Predicate<List<String>> matcher;

    FileKind(String description, Predicate<List<String>> matcher) {
        this.description = description;
        this.matcher = matcher;
    }

    String description() {
        return description;
    }

    /** The first kind whose header test passes; order matters (ECI before generic hub files). */
    static Optional<FileKind> detect(List<String> header) {
        for (FileKind kind : values()) {
            if (kind.matcher.test(header)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
