/**
 * Where budget reservations and rate-limit state live: {@link dev.gapwise.gateway.spend.counter.Counters} with an
 * in-memory implementation for one process and a Redis one (Lua scripts, atomic on the server) for several
 * instances. Both admit a request against every budget window and rate limit it touches at once or not at all.
 */
package dev.gapwise.gateway.spend.counter;
