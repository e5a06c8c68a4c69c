/**
 * {@code gapwise eval routing}: runs the protocol of EVALUATION.md §2 end to end on the shared data (or on a
 * user's outcome file in the generic CSV shape) and writes {@code docs/routing-eval.md} with its charts. Each
 * section is one class; {@link dev.gapwise.routing.lab.report.RoutingEvaluation} runs them in order.
 */
package dev.gapwise.routing.lab.report;
