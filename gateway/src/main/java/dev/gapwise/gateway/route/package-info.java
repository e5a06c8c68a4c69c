/**
 * Turns a request into an ordered list of candidate deployments with the reasons for the order. {@link
 * dev.gapwise.gateway.route.RoutePlanner} is the small, pure seam the routing module will implement; {@link
 * dev.gapwise.gateway.route.CheapestEligiblePlanner} is the placeholder until then.
 */
package dev.gapwise.gateway.route;
