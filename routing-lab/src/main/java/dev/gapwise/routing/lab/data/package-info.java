/**
 * Readers for the routing datasets (per-prompt outcomes of several models, labeled prompts) and the
 * deterministic SHA-256 hash split that every experiment uses. Readers return immutable values.
 */
package dev.gapwise.routing.lab.data;
