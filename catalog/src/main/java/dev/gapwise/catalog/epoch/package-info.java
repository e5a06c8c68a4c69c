/**
 * Readers for Epoch AI's public data: the Benchmarking Hub export (the Capabilities Index and one CSV per
 * benchmark), the "Data on AI Models" lists, and the inputs of the 2024 report "How far behind are open
 * models?". Each reader turns files into a {@link dev.gapwise.catalog.Dataset}; none guesses silently.
 */
package dev.gapwise.catalog.epoch;
