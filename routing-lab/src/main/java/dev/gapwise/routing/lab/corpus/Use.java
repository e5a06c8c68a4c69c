package dev.gapwise.routing.lab.corpus;

/**
 * What a row's licence lets us do with it (shared/data/routing-chat/SOURCES.md, "Which files may train a shipped
 * model"): train a model whose weights ship, or only evaluate one.
 */
public enum Use {
    /** CC BY, Apache-2.0, MIT or written here: may train the shipped classifiers. */
    TRAIN,
    /** Non-commercial or no stated licence: evaluation only, never trained on, never used to fit a threshold. */
    EVALUATION_ONLY
}
