/**
 * Virtual keys: what clients present instead of provider keys. Only a SHA-256 hash of each key is stored; the
 * key is shown once at creation. {@link dev.gapwise.gateway.keys.VirtualKeys} also decides whether a request
 * needs a key at all (auth mode, whether any key exists). Budgets, rate limits and teams of keys are in {@link
 * dev.gapwise.gateway.spend}, by key id.
 */
package dev.gapwise.gateway.keys;
