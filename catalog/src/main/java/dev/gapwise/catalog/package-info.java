/**
 * The model catalog: immutable records for models, benchmark scores, leaderboards, deployments and
 * prices, and the {@link dev.gapwise.catalog.Catalog} that holds them with their data snapshots.
 *
 * <p>Readers for the bundled catalog and for public datasets live in sub-packages, one per source
 * ({@code bundled}, {@code epoch}, {@code lmarena}); {@code imports} recognises the files of a folder and
 * hands each to its reader; {@code check} finds stale or inconsistent rows. Nothing here touches the network.
 */
package dev.gapwise.catalog;
