/**
 * Scoring a pair of answers to the same request: a candidate (usually the cheaper deployment's) against a reference
 * (usually the frontier's). {@link dev.gapwise.gateway.score.Scorer} runs, in order and stopping at the first that
 * decides: cheap checks ({@link dev.gapwise.gateway.score.CheapChecks}: emptiness, refusal, tool calls compared
 * exactly, JSON validity and schema for structured output, length), then a similarity score
 * ({@link dev.gapwise.gateway.score.Similarity}), then — when a judge deployment is configured — a fixed, documented
 * rubric ({@link dev.gapwise.gateway.score.JudgeRubric}). Everything here is pure: the judge's HTTP call is made by
 * the shadow runner, which hands its reply back.
 */
package dev.gapwise.gateway.score;
