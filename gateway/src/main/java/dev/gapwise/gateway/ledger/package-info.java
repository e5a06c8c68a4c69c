/**
 * The cost ledger: one row per upstream attempt with tokens, cost and the baseline cost on the reference frontier
 * deployment. A row is made durable before the response's final byte by appending it to a local pending file
 * (one {@code write} call; it survives a process crash), then a background thread batches rows into the
 * database with {@code INSERT … ON CONFLICT DO NOTHING} and retires the pending file once the database holds every
 * row in it. On start, rows left in pending files are replayed; replays are idempotent by (request id, attempt).
 */
package dev.gapwise.gateway.ledger;
