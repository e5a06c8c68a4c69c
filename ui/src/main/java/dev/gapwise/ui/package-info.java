/**
 * The web dashboard at {@code /ui}: server-rendered pages (overview, routing, requests, keys and budgets,
 * deployments, the gap) with ECharts from the jar, mounted by {@code cli} next to the gateway. It shares no failure
 * domain with the inference path: every page runs on the dashboard's own small, bounded pool (a full queue answers
 * 503), with a query timeout, and reads the ledger's per-hour rollups ({@code dev.gapwise.ui.data}) rather than the
 * ledger, except for one bounded keyset page of the request log.
 */
package dev.gapwise.ui;
