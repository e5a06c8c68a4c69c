package dev.gapwise.gap.compare;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a model of a dataset by the name a user or a publication writes: its id, display name or an alias,
 * compared ignoring case, spaces and punctuation ("GPT-4 (original)" finds {@code GPT-4 (original)}, "llama 3.1
 * 405b" finds "Llama 3.1 405B"). An exact match wins; otherwise a name that matches once the words in parentheses
 * are dropped. Stateless.
 */
public final class ModelLookup {
    private ModelLookup() {
    }

    /** The model the name denotes in the dataset, if exactly one does. */
    public static Optional<Model> find(Dataset dataset, String name) {
        return find(dataset, name, false);
    }

    /** The model the name denotes exactly ({@code exactOnly}) or, failing that, once parentheses are dropped. */
    public static Optional<Model> find(Dataset dataset, String name, boolean exactOnly) {
        String key = normalise(name);
        List<Model> exact = new ArrayList<>();
        List<Model> loose = new ArrayList<>();
        String looseKey = normalise(name.replaceAll("\\([^)]*\\)", ""));
        for (Model model : dataset.models()) {
            List<String> names = names(model);
            if (names.contains(key)) {
                exact.add(model);
            } else if (!looseKey.isEmpty() && (names.contains(looseKey)
                    || names(model).stream().anyMatch(n -> n.equals(looseKey)))) {
                loose.add(model);
            }
        }
        if (exact.size() == 1) {
            return Optional.of(exact.getFirst());
        }
        return !exactOnly && exact.isEmpty() && loose.size() == 1 ? Optional.of(loose.getFirst()) : Optional.empty();
    }

    /** Up to {@code limit} model names that contain the name's words, for "did you mean". */
    public static List<String> suggestions(Dataset dataset, String name, int limit) {
        String key = normalise(name.replaceAll("\\([^)]*\\)", ""));
        String head = key.length() > 4 ? key.substring(0, 4) : key;
        return dataset.models().stream().map(Model::name).filter(n -> normalise(n).contains(head)).distinct()
                .sorted().limit(limit).toList();
    }

    private static List<String> names(Model model) {
        List<String> names = new ArrayList<>();
        names.add(normalise(model.id()));
        names.add(normalise(model.name()));
        model.aliases().forEach(a -> names.add(normalise(a)));
        model.attribute("display_name").ifPresent(d -> names.add(normalise(d)));
        return names;
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }
}
