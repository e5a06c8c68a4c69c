/**
 * The cost ledger: one row per upstream attempt with tokens, cost and the baseline cost on the reference frontier
 * deployment. A row is made durable before the response's final byte by appending it to a local pending file
 * (one {@code write} call; it survives a process crash), then a background thread batches rows into the
 * database with {@code INSERT … ON CONFLICT DO NOTHING}, adds the rows that were new to the dashboard's rollup
 * tables in the same transaction (summed per batch, one upsert per rollup key: {@link
 * dev.gapwise.gateway.ledger.LedgerRollup}), and retires the pending file once the database holds every row in it. On start, rows left in pending files are queued first, never inserted before the gateway listens, so
 * the gateway starts with its database down; replays are idempotent by (request id, attempt). Every text of a row
 * is cleaned and bounded in {@link dev.gapwise.gateway.ledger.LedgerRow}'s constructor; a row the database still
 * refuses is quarantined to a dead-letter file instead of blocking the rows behind it. The pending file is locked
 * by the one process that owns it.
 */
package dev.gapwise.gateway.ledger;
