package dev.gapwise.routing.lab.data;

import java.util.Objects;

/**
 * A prompt with labels, for training and testing the risk and complexity classifiers.
 *
 * @param id     a stable key (the source's id, or source + text for intent sets without ids)
 * @param text   the prompt
 * @param source which dataset, e.g. {@code banking77}
 * @param label  the source's own label (intent, category, subject, …)
 * @param split  the split: the source's own test split where it has one, else the hash split of the id
 */
public record LabeledText(String id, String text, String source, String label, Split split) {
    public LabeledText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(split, "split");
    }
}
