package dev.gapwise.catalog.lmarena;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The three LMArena table shapes Gapwise reads, each into a dataset of leaderboard snapshots:
 * <ul>
 *   <li>rating history by model key ({@code snapshot_date, model_key, rating, rating_kind}), joined to the
 *       metadata table for names, organisations and licences;</li>
 *   <li>displayed leaderboard snapshots ({@code snapshot_version, rank, model, arena_score, …});</li>
 *   <li>the 2023 displayed-Elo tables ({@code table_date, model_name, arena_elo, …}).</li>
 * </ul>
 */
public final class ArenaReaders {
    private ArenaReaders() {
    }

    public static boolean isRatingHistory(List<String> header) {
        return header.containsAll(List.of("snapshot_date", "model_key", "rating", "rating_kind"));
    }

    public static boolean isMetadata(List<String> header) {
        return header.containsAll(List.of("model_key", "model_name", "organization", "license"));
    }

    public static boolean isSnapshots(List<String> header) {
        return header.containsAll(List.of("snapshot_version", "model", "arena_score", "organization", "license"));
    }

    public static boolean isDisplayedElo(List<String> header) {
        return header.containsAll(List.of("table_date", "model_name", "arena_elo", "license"));
    }

    /**
     * Reads the rating history. Keys missing from the metadata are looked up by name in the displayed-Elo
     * tables when those are given (this is how the five 2023 keys such as {@code gpt-4} get their licence);
     * keys found in neither have unknown access and belong to no group.
     */
    public static Dataset readRatingHistory(String name, String origin, CsvTable history,
                                            Optional<CsvTable> metadata, Optional<CsvTable> displayed,
                                            OrganizationCountries countries) {
        history.require("snapshot_date", "model_key", "rating", "rating_kind");
        Map<String, ArenaLeaderboards.ModelFacts> facts = new HashMap<>();
        displayed.ifPresent(table -> {
            table.require("model_name", "license", "organization");
            for (CsvRow row : table.rows()) {
                String key = row.textIfPresent("model_key").orElse(row.requiredText("model_name"))
                        .toLowerCase(Locale.ROOT);
                facts.put(key, new ArenaLeaderboards.ModelFacts(row.requiredText("model_name"),
                        row.text("organization"), countries.countriesOf(row.text("organization")), row.text("license")));
            }
        });
        metadata.ifPresent(table -> {
            table.require("model_key", "model_name", "organization", "license");
            for (CsvRow row : table.rows()) {
                facts.put(row.requiredText("model_key").toLowerCase(Locale.ROOT), new ArenaLeaderboards.ModelFacts(
                        row.requiredText("model_name"), row.text("organization"),
                        countries.countriesOf(row.text("organization")), row.text("license")));
            }
        });
        ArenaLeaderboards boards = new ArenaLeaderboards();
        for (CsvRow row : history.rows()) {
            String key = row.requiredText("model_key");
            ArenaLeaderboards.ModelFacts known = facts.getOrDefault(key.toLowerCase(Locale.ROOT),
                    new ArenaLeaderboards.ModelFacts(key, "", List.of(), ""));
            boards.add(row.date("snapshot_date"), row.requiredText("rating_kind"), key, row.number("rating"), known);
        }
        return boards.build(name, origin, "LMArena rating history, " + history.name());
    }

    /** Reads displayed leaderboard snapshots; models are keyed by their display name. */
    public static Dataset readSnapshots(String name, String origin, CsvTable table, OrganizationCountries countries) {
        table.require("snapshot_version", "model", "arena_score", "organization", "license");
        ArenaLeaderboards boards = new ArenaLeaderboards();
        for (CsvRow row : table.rows()) {
            String model = row.requiredText("model");
            String organization = row.text("organization");
            boards.add(row.date("snapshot_version"), "displayed", model, row.number("arena_score"),
                    new ArenaLeaderboards.ModelFacts(model, organization, countries.countriesOf(organization),
                            row.text("license")));
        }
        return boards.build(name, origin, "LMArena leaderboard snapshots, " + table.name());
    }

    /**
     * Reads the 2023 displayed-Elo tables; models are keyed by their display name. Their organisation
     * column is mostly blank, so it is filled from the metadata table by model name when one is given.
     */
    public static Dataset readDisplayedElo(String name, String origin, CsvTable table, Optional<CsvTable> metadata,
                                           OrganizationCountries countries) {
        table.require("table_date", "model_name", "arena_elo", "license", "organization");
        Map<String, String> organizationByName = new HashMap<>();
        metadata.ifPresent(meta -> {
            meta.require("model_name", "organization");
            for (CsvRow row : meta.rows()) {
                if (!row.text("organization").isEmpty()) {
                    organizationByName.put(row.text("model_name").toLowerCase(Locale.ROOT), row.text("organization"));
                }
            }
        });
        ArenaLeaderboards boards = new ArenaLeaderboards();
        for (CsvRow row : table.rows()) {
            String model = row.requiredText("model_name");
            String organization = row.optionalText("organization")
                    .orElse(organizationByName.getOrDefault(model.toLowerCase(Locale.ROOT), ""));
            java.util.OptionalDouble rating = row.optionalNumber("arena_elo");
            if (rating.isEmpty()) {
                continue; // listed without a rating on that table
            }
            boards.add(row.date("table_date"), "displayed", model, rating.getAsDouble(),
                    new ArenaLeaderboards.ModelFacts(model, organization, countries.countriesOf(organization),
                            row.text("license")));
        }
        return boards.build(name, origin, "LMArena displayed Elo tables, " + table.name());
    }
}
