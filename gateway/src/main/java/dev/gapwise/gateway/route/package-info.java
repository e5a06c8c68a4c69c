/**
 * Turns a request into an ordered list of candidate deployments with the reasons for the order. {@link
 * dev.gapwise.gateway.route.RoutePlanner} is the small, pure seam; {@link dev.gapwise.gateway.route.PolicyPlanner}
 * implements it with the routing module's router, handing it the gateway's savings baseline and, for budget-aware
 * routing, the same policy with one tier planned under another's rules (both built in {@code Policies}, the one
 * place the gateway makes policy records); {@link dev.gapwise.gateway.route.CheapestEligiblePlanner} is the
 * policy-free placeholder.
 */
package dev.gapwise.gateway.route;
