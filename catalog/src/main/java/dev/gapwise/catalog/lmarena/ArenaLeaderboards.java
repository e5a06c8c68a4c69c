package dev.gapwise.catalog.lmarena;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Leaderboard;
import dev.gapwise.catalog.Model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects rows of (snapshot date, model, rating) into a dataset of leaderboards. A model's release date
 * is taken as the first snapshot that rates it — the Arena tables carry no release dates — and the model
 * says so in its {@code date_basis} attribute. Not thread-safe; used by one reader at a time.
 */
final class ArenaLeaderboards {
    static final String BOARD = "arena_text";

    private final Map<String, ModelFacts> facts = new LinkedHashMap<>();
    private final Map<LocalDate, Map<String, Double>> ratings = new TreeMap<>();
    private final Map<LocalDate, String> kinds = new TreeMap<>();

    /** What is known of a model besides its ratings. */
    record ModelFacts(String name, String organization, List<String> countries, String license) {
    }

    void add(LocalDate date, String kind, String modelId, double rating, ModelFacts modelFacts) {
        facts.putIfAbsent(modelId, modelFacts);
        ratings.computeIfAbsent(date, d -> new LinkedHashMap<>()).merge(modelId, rating, Math::max);
        kinds.putIfAbsent(date, kind);
    }

    Dataset build(String name, String origin, String source) {
        Map<String, LocalDate> firstRated = new LinkedHashMap<>();
        ratings.forEach((date, byModel) -> byModel.keySet().forEach(id -> firstRated.putIfAbsent(id, date)));
        LocalDate newest = ratings.isEmpty() ? LocalDate.EPOCH : ((TreeMap<LocalDate, ?>) ratings).lastKey();
        Dataset.Builder dataset = Dataset.builder(new DataSnapshot(name, newest, origin));
        facts.forEach((id, f) -> dataset.model(Model.builder(id, f.name())
                .organization(f.organization())
                .countries(f.countries())
                .access(Access.fromArenaLicense(f.license()))
                .license(f.license())
                .releaseDate(firstRated.get(id))
                .attributes(Map.of("date_basis", "first rated on the Arena"))
                .source(source)
                .build()));
        ratings.forEach((date, byModel) -> {
            List<Leaderboard.Entry> entries = new ArrayList<>();
            byModel.forEach((id, rating) -> entries.add(new Leaderboard.Entry(id, rating)));
            dataset.leaderboard(new Leaderboard(BOARD, date, kinds.get(date), entries));
        });
        return dataset.build();
    }
}
