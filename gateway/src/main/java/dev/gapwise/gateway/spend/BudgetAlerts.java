package dev.gapwise.gateway.spend;

import dev.gapwise.gateway.metrics.GatewayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Alert thresholds of budgets: when a settle moves a window's spend across a threshold (75 % and 90 % by default),
 * it is logged at WARN once and counted in {@code gapwise_budget_alerts_total}; every settle updates {@code
 * gapwise_budget_used_ratio}. The crossing is decided from the spend the counters return after the settle, so among
 * several instances exactly one reports it. Thread-safe.
 */
final class BudgetAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(BudgetAlerts.class);

    private final List<Integer> thresholds;
    private final GatewayMetrics metrics;

    BudgetAlerts(List<Integer> thresholds, GatewayMetrics metrics) {
        this.thresholds = List.copyOf(thresholds);
        this.metrics = metrics;
    }

    /** A window's spend went from {@code before} to {@code after} nano-USD. */
    void spent(Budget budget, Window window, long before, long after) {
        if (budget.limitNanos() <= 0) {
            return;
        }
        metrics.budgetUsed(budget.id(), budget.scope().id(), budget.subject(), budget.period().id(),
                budget.target().orElse(""), (double) after / budget.limitNanos());
        for (int threshold : thresholds) {
            long line = (long) Math.ceil(budget.limitNanos() / 100.0 * threshold);
            if (before < line && after >= line) {
                LOG.warn("budget alert: {} is {} % used in window {} ({} of {} USD spent)", budget.describe(budget.subject()),
                        threshold, window.label(), Budget.usd(after), Budget.usd(budget.limitNanos()));
                metrics.budgetAlert(budget.scope().id(), budget.subject(), budget.period().id(), threshold);
            }
        }
    }
}
