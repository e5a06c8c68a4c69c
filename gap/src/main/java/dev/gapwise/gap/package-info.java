/**
 * The gap tracker: how far a follower group of models (open weights, Chinese developers, …) trails a
 * leader group (closed, US, …) on a benchmark or index, as a score gap and as a time lag.
 *
 * <p>The shape follows the data: {@link dev.gapwise.gap.Series} pulls one benchmark out of a dataset,
 * {@link dev.gapwise.gap.Group}s split it, {@link dev.gapwise.gap.Frontier}s summarise each group, the
 * methods in {@code dev.gapwise.gap.method} measure lags and gaps as pure functions, {@code study} holds
 * published analyses re-run method by method, {@code family} measures the lag per task family, {@code matrix}
 * the 2×2 of US/China × closed/open, {@code compare} the model-vs-model, rank and pooled comparisons, {@code diff}
 * how lags moved between two snapshots, {@code reproduce} checks published figures, and {@code report} writes
 * tables, CSV, JSON and charts. Every result names its method and data snapshot.
 */
package dev.gapwise.gap;
