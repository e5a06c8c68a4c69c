package dev.gapwise.catalog;

/** What a benchmark's numbers mean, which decides the transforms a lag method may apply. */
public enum Scale {
    /** A fraction of items answered correctly, 0..1 (percentages are converted on import). */
    ACCURACY,
    /** An index with no upper bound, such as Epoch's Capabilities Index. */
    INDEX,
    /** A pairwise rating such as an Arena Elo or Bradley–Terry score. */
    RATING,
    /** Training compute in FLOP; compared on a log10 scale. */
    COMPUTE,
    /** Anything else: raw numbers, higher is better. */
    OTHER
}
