/**
 * The offline evaluation protocol of EVALUATION.md §2: quality curves and their metrics (PGR, APGR, CPT,
 * strong calls at 95 % of strong quality, AIQ), the baselines, paired bootstrap intervals, risk-gate metrics,
 * and the report and chart writers. Pure functions over {@link dev.gapwise.routing.lab.data.PairOutcomes}.
 */
package dev.gapwise.routing.lab.eval;
