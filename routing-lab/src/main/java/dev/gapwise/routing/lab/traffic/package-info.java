/**
 * The realistic-traffic evaluation: every held-out request of the corpus (evaluation-only rows and the test split
 * of trainable rows) is routed by the shipped router under the built-in policy, and the decisions are read per
 * slice — recall of each high-stakes slice, escalation of each routine task type, complexity against difficulty
 * labels, and the cost of a mixed workload against the all-frontier baseline. {@link
 * dev.gapwise.routing.lab.traffic.TrafficSlices} names the slices; {@link
 * dev.gapwise.routing.lab.traffic.RoutedTraffic} holds the decisions.
 */
package dev.gapwise.routing.lab.traffic;
