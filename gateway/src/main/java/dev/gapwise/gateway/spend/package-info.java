/**
 * Budgets and rate limits: {@link dev.gapwise.gateway.spend.Budget}s on keys, teams and models within them (day and
 * month windows aligned in a time zone, and lifetime; hard or soft; alert thresholds), {@link
 * dev.gapwise.gateway.spend.RateLimit}s on keys, teams and deployments (GCRA), where they are stored ({@link
 * dev.gapwise.gateway.spend.AllowanceStore}) and read on the request path ({@link
 * dev.gapwise.gateway.spend.Allowances}); the {@link dev.gapwise.gateway.spend.SpendGate} that reserves each
 * attempt's worst case, settles it on usage and releases it on every exit path; and {@link
 * dev.gapwise.gateway.spend.Budgets}, budget-aware routing and what a key may read of its own usage.
 */
package dev.gapwise.gateway.spend;
