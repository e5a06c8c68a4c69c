package dev.gapwise.gateway.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The budget that stopped a request, as the refusal's structured fields show it.
 *
 * @param scope    {@code key} or {@code team}
 * @param subject  the key's name or the team's
 * @param target   the model or deployment the budget is limited to, if any
 * @param limit    the budget in USD
 * @param spent    settled spend in the window, USD
 * @param reserved held by requests in flight, USD
 * @param period   {@code day}, {@code month} or {@code lifetime}
 * @param resetsAt when the window resets; empty for the lifetime
 */
public record BudgetStop(String scope, String subject, Optional<String> target, BigDecimal limit, BigDecimal spent,
                         BigDecimal reserved, String period, Optional<Instant> resetsAt) {
    public BudgetStop {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(resetsAt, "resetsAt");
    }
}
