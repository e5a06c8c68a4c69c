/**
 * Routing: decides a request's risk tier and complexity, applies the routing policy to the catalog's
 * deployments and returns a {@link dev.gapwise.routing.RouteDecision} that carries its reasons. Everything here
 * is a pure function of the request, the policy, the catalog and the model lags; no HTTP.
 *
 * <p>Entry point for the gateway: {@link dev.gapwise.routing.Router}. Sub-packages: {@code data} (readers of
 * per-prompt outcome and labeled-text files, hash splits), {@code classify} (the fast hashed-n-gram linear
 * classifiers for risk and complexity), {@code quality} (the learned quality router), {@code policy} (the
 * policy model and its parser) and {@code eval} (the offline evaluation protocol).
 */
package dev.gapwise.routing;
