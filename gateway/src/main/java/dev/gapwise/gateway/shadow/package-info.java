/**
 * Shadow evaluation on a gateway's own traffic. After a client's answer has been served, a sampled share of a
 * tier's requests (per tier, task label and key: {@code shadow.rules}) is sent again to other deployments, off the
 * request path, and each pair of answers is scored ({@code dev.gapwise.gateway.score}).
 *
 * <p>How it stays out of the client's way: the ingress opens a {@link dev.gapwise.gateway.shadow.ShadowTap.Session}
 * per request. A request that is not sampled gets a no-op session (no copy, no allocation beyond the decision).
 * A sampled one copies the served answer as it passes to the client (bounded) and, once the answer is complete,
 * hands one job to {@link dev.gapwise.gateway.shadow.ShadowRunner}: a fixed pool of {@code max_concurrent} platform
 * threads behind a bounded queue; a full queue drops the job and counts it. Nothing the runner does can block or
 * fail the client's request.
 *
 * <p>What it never does: shadow a tier or key the configuration excludes (the policy's high-stakes tier by
 * default), send a request to a deployment the tier's jurisdiction rule forbids, call an unpriced deployment
 * (its cost would be unknown), or spend past {@code budget_per_day} (each call's worst case is reserved before it
 * is sent and settled to its real cost after). Shadow spend is written to its own table ({@code shadow_call}),
 * never to the ledger, so it counts against no client's budget or savings. Prompts and answers are stored only
 * with {@code store_content: true}, and erased after {@code retention}.
 */
package dev.gapwise.gateway.shadow;
