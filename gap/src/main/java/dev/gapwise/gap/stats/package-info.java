/**
 * The statistics the lag methods need, written to match the published analyses bit for bit: linear
 * percentiles (numpy's default), ordinary least squares with group intercepts, NumPy's PCG64 generator for
 * bootstraps that reproduce published intervals, and half-even decimal rounding.
 */
package dev.gapwise.gap.stats;
