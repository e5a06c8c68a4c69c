/**
 * The fast path of classification: prompts become sparse vectors of hashed word and character n-grams
 * ({@link dev.gapwise.routing.classify.TextFeatures}), scored by small multinomial linear models
 * ({@link dev.gapwise.routing.classify.LinearModel}) that {@code gapwise train} fits on the shared labeled data
 * and ships as resources. A decision costs microseconds and allocates a few small arrays. Models are immutable
 * and thread-safe once loaded.
 */
package dev.gapwise.routing.classify;
