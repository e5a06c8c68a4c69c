/**
 * The curated catalog shipped inside Gapwise: three CSV resources ({@code models.csv}, {@code scores.csv},
 * {@code deployments.csv} under {@code gapwise/catalog/}) of facts entered and checked by hand, each row
 * naming its source.
 */
package dev.gapwise.catalog.bundled;
