/**
 * Recomputing published figures. A reference file (shaped like {@code reference_numbers.csv}) describes
 * each figure in words — metric, groups, benchmark, date, value, method; {@link
 * dev.gapwise.gap.reproduce.FigureInterpreter} reads those words into a computation with the general
 * methods and the data snapshot nearest the publication, and {@link dev.gapwise.gap.reproduce.Reproducer}
 * compares every number at its published rounding. A figure the data cannot support is listed with the
 * reason, never guessed.
 */
package dev.gapwise.gap.reproduce;
