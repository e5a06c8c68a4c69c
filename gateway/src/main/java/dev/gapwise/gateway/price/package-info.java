/**
 * Money: every deployment's {@link dev.gapwise.gateway.price.TokenPrice} (input, output, cache reads and writes,
 * each at its own rate), the savings baseline priced by the same rules, and the {@link
 * dev.gapwise.gateway.price.AttemptFanOut} that prices each finished attempt once and hands it to the ledger,
 * budgets and metrics.
 */
package dev.gapwise.gateway.price;
