/**
 * One gap analysis as a user asks for it — a benchmark, a data source, group pairs, methods, settings —
 * run end to end into a {@link dev.gapwise.gap.analysis.GapReport} that report writers turn into tables,
 * CSV, JSON and charts.
 */
package dev.gapwise.gap.analysis;
