/**
 * The comparisons published figures make besides group against group: a named model against a named model
 * ({@link dev.gapwise.gap.compare.ModelComparison}), the top model against the k-th over a whole leaderboard snapshot
 * ({@link dev.gapwise.gap.compare.RankGap}), and any lag method pooled over a list of benchmarks
 * ({@link dev.gapwise.gap.compare.PooledLag}). Each names its data and says why when the data cannot answer.
 */
package dev.gapwise.gap.compare;
