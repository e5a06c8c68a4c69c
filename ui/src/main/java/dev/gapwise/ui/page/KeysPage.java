package dev.gapwise.ui.page;

import dev.gapwise.gateway.keys.KeyRecord;
import dev.gapwise.gateway.spend.Budget;
import dev.gapwise.gateway.spend.SpendGate;
import dev.gapwise.ui.Viewer;
import dev.gapwise.ui.data.HourRange;
import dev.gapwise.ui.data.Rollups;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keys, teams and budgets: each key's spend over the range (from the rollups), and each budget's current window —
 * spent, reserved by requests in flight, left, and when it resets — with an alert at 80 % and at 100 %. A key
 * holder sees only its own key and its team's budgets.
 */
public final class KeysPage {
    private static final int MAX_KEYS = 500;

    private KeysPage() {
    }

    public static String render(Sources sources, PageRequest request) throws Exception {
        int days = request.days();
        HourRange range = HourRange.lastDays(request.now(), days);
        List<Rollups.KeySpend> spend;
        try (Connection connection = sources.connection()) {
            spend = Rollups.keys(connection, range, request.ownKey());
        }
        Map<String, String> names = new HashMap<>();
        List<KeyRecord> records = request.ownKey().isPresent() ? List.of() : sources.gateway().keys().list();
        records.forEach(k -> names.put(k.id(), k.name()));
        if (request.viewer() instanceof Viewer.KeyHolder holder) {
            names.put(holder.keyId(), holder.name());
        }
        StringBuilder out = new StringBuilder(OverviewPage.rangePicker("/ui/keys", days));
        out.append("<h2>Budgets</h2>").append(budgets(sources, request, records, names));
        out.append("<h2>Spend by key</h2><table class=\"numbers\" id=\"key-spend\"><thead><tr><th>Key</th><th>Name</th>"
                + "<th>Team</th><th>Requests</th><th>Attempts</th><th>Failed</th><th>Spend USD</th><th>Baseline USD</th>"
                + "<th>Saved USD</th></tr></thead><tbody>");
        for (Rollups.KeySpend key : spend) {
            out.append("<tr><td>").append(key.keyId().isEmpty() ? "(no key)" : Html.esc(key.keyId())).append("</td><td>")
                    .append(Html.esc(names.getOrDefault(key.keyId(), ""))).append("</td><td>").append(Html.esc(key.team()))
                    .append("</td><td>").append(key.requests()).append("</td><td>").append(key.attempts())
                    .append("</td><td>").append(key.failures()).append("</td><td>")
                    .append(Html.cost(key.costNanoUsd(), key.unpriced())).append("</td><td>")
                    .append(Html.usd(key.baselineNanoUsd())).append("</td><td>")
                    .append(Html.usd(key.baselineNanoUsd() - key.costNanoUsd())).append("</td></tr>");
        }
        out.append("</tbody></table>");
        if (spend.isEmpty()) {
            out.append("<p class=\"empty\">No spend in the last ").append(days).append(" days.</p>");
        }
        if (!records.isEmpty()) {
            out.append("<h2>Keys</h2><table class=\"numbers\" id=\"keys\"><thead><tr><th>Id</th><th>Name</th><th>Tier</th>"
                    + "<th>Team</th><th>Created</th><th>Status</th></tr></thead><tbody>");
            records.stream().limit(MAX_KEYS).forEach(k -> out.append("<tr><td>").append(Html.esc(k.id()))
                    .append("</td><td>").append(Html.esc(k.name())).append("</td><td>")
                    .append(Html.esc(k.tier().map(t -> k.tierFixed() ? t + " (fixed)" : t + " (floor)").orElse("–")))
                    .append("</td><td>").append(Html.esc(sources.gateway().teamOf(k.id()).orElse("")))
                    .append("</td><td>").append(Html.esc(k.createdAt())).append("</td><td>")
                    .append(k.revokedAt().map(at -> "revoked " + Html.esc(at)).orElse("active")).append("</td></tr>"));
            out.append("</tbody></table>");
        }
        return Html.page("Keys & budgets", "/ui/keys", request.viewer(), out.toString());
    }

    private static String budgets(Sources sources, PageRequest request, List<KeyRecord> records,
                                  Map<String, String> names) {
        List<SpendGate.BudgetLevel> levels = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> keyIds = request.ownKey().map(List::of)
                .orElseGet(() -> records.stream().filter(k -> k.revokedAt().isEmpty()).limit(MAX_KEYS)
                        .map(KeyRecord::id).toList());
        for (String keyId : keyIds) {
            for (SpendGate.BudgetLevel level : sources.gateway().budgetLevels(Optional.of(keyId), Optional.empty())) {
                if (seen.add(level.budget().id())) {
                    levels.add(level);
                }
            }
        }
        if (levels.isEmpty()) {
            return "<p class=\"empty\" id=\"no-budgets\">No budget" + (request.ownKey().isPresent() ? " on your key or "
                    + "its team" : " yet: <code>gapwise keys update KEY --budget 50/month</code> or <code>gapwise teams "
                    + "create TEAM --budget 500/month</code>") + ".</p>";
        }
        StringBuilder out = new StringBuilder("<table class=\"numbers\" id=\"budgets\"><thead><tr><th>Scope</th><th>"
                + "Subject</th><th>Model</th><th>Period</th><th>Mode</th><th>Budget USD</th><th>Spent</th><th>Reserved "
                + "(in flight)</th><th>Left</th><th>Resets at</th><th>Alert</th></tr></thead><tbody>");
        Instant now = request.now();
        for (SpendGate.BudgetLevel level : levels) {
            Budget budget = level.budget();
            long left = Math.max(0, budget.limitNanos() - level.spent() - level.reserved());
            double used = level.used();
            String alert = used >= 1 ? "<span class=\"error\">spent</span>" : used >= 0.8
                    ? "<span class=\"warn\">" + Math.round(used * 100) + " % used</span>" : "";
            out.append("<tr><td>").append(budget.scope().id()).append("</td><td>")
                    .append(Html.esc(names.getOrDefault(budget.subject(), budget.subject()))).append("</td><td>")
                    .append(Html.esc(budget.target().orElse("all"))).append("</td><td>").append(budget.period().id())
                    .append("</td><td>").append(budget.hard() ? "hard" : "soft").append("</td><td>")
                    .append(Budget.usd(budget.limitNanos())).append("</td><td>").append(Budget.usd(level.spent()))
                    .append("</td><td>").append(Budget.usd(level.reserved())).append("</td><td>").append(Budget.usd(left))
                    .append("</td><td>").append(level.window().end().map(end -> Html.esc(end.toString()) + " (in "
                            + java.time.Duration.between(now, end).toHours() + " h; windows in " + Html.esc(budget.zone()
                            .getId()) + ")").orElse("never")).append("</td><td>")
                    .append(alert).append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }
}
