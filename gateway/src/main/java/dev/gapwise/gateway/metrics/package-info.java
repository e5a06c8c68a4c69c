/**
 * Prometheus metrics through Micrometer: requests and errors by class, latency, gateway overhead, tokens and
 * cost. Label values are bounded (endpoints, deployment ids, error classes), never keys or request ids.
 */
package dev.gapwise.gateway.metrics;
