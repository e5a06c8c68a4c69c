/**
 * What the dashboard reads: the ledger's per-hour rollups ({@link dev.gapwise.ui.data.Rollups}, kept by the
 * ledger's writer in each batch's transaction), the request log by keyset pages ({@link dev.gapwise.ui.data.RequestLog}) and the percentiles of the
 * latency histograms ({@link dev.gapwise.ui.data.Histogram}). Every query is bounded: rollups grow with hours, not
 * with requests, and the log reads at most one page. Plain JDBC over a connection the caller owns; stateless.
 */
package dev.gapwise.ui.data;
