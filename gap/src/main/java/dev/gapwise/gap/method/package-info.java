/**
 * The lag and gap methods of EVALUATION.md §1, each a pure function from a {@link dev.gapwise.gap.Series}
 * and a {@link dev.gapwise.gap.Comparison} to a {@link dev.gapwise.gap.method.LagResult} that names the
 * method, its parameters and the data snapshot. Any benchmark, index or group pair works; nothing here
 * knows about a particular published figure.
 */
package dev.gapwise.gap.method;
