package dev.gapwise.ui.data;

import dev.gapwise.gateway.ledger.LedgerReport;
import dev.gapwise.gateway.ledger.LedgerRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hourly traffic rollup of a range summed to days, read in one query (at most days × tiers × deployments ×
 * outcomes rows), from which a page takes its daily lines, tier flows, deployment traffic and error classes without
 * reading the rollup again. Immutable.
 */
public final class Cube {
    /** One day's traffic of one tier on one deployment with one outcome ("" for success). */
    record Cell(String day, String tier, String deployment, String servedModel, String provider, String outcome,
                long attempts, long requests, long fellBack, long inputTokens, long outputTokens, long estimated,
                long costNanoUsd, long baselineNanoUsd, long cacheTokens, long unpriced) {
        long failures() {
            return outcome.isEmpty() ? 0 : attempts;
        }
    }

    private final List<Cell> cells;

    private Cube(List<Cell> cells) {
        this.cells = List.copyOf(cells);
    }

    /** Reads the range. */
    public static Cube read(Connection connection, HourRange range) throws SQLException {
        String sql = """
                SELECT substr(hour, 1, 10), tier, deployment, served_model, provider, outcome, SUM(attempts),
                       SUM(requests), SUM(fell_back), SUM(input_tokens), SUM(output_tokens), SUM(estimated),
                       SUM(cost_nano_usd), SUM(baseline_nano_usd), SUM(cache_tokens), SUM(unpriced)
                FROM ledger_hourly WHERE hour >= ? AND hour < ?
                GROUP BY substr(hour, 1, 10), tier, deployment, served_model, provider, outcome""";
        List<Cell> cells = new ArrayList<>();
        try (PreparedStatement statement = Rollups.prepare(connection, sql, range.from(), range.to());
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                cells.add(new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16)));
            }
        }
        return new Cube(cells);
    }

    /** True when the range has no traffic. */
    public boolean isEmpty() {
        return cells.isEmpty();
    }

    /** Spend by UTC day, served model and tier, as {@link LedgerReport#lines} groups and orders it. */
    public List<LedgerReport.Line> daily() {
        Map<List<String>, long[]> sums = new LinkedHashMap<>();
        for (Cell c : cells) {
            long[] s = sums.computeIfAbsent(List.of(c.day(), c.servedModel(), c.tier()), k -> new long[9]);
            s[0] += c.attempts();
            s[1] += c.failures();
            s[2] += c.inputTokens();
            s[3] += c.outputTokens();
            s[4] += c.estimated();
            s[5] += c.costNanoUsd();
            s[6] += c.baselineNanoUsd();
            s[7] += c.cacheTokens();
            s[8] += c.unpriced();
        }
        List<Map.Entry<List<String>, long[]>> entries = new ArrayList<>(sums.entrySet());
        entries.sort(Comparator.<Map.Entry<List<String>, long[]>, String>comparing(e -> e.getKey().get(0)).reversed()
                .thenComparing(e -> e.getValue()[5], Comparator.reverseOrder())
                .thenComparing(e -> e.getKey().get(1)).thenComparing(e -> e.getKey().get(2)));
        List<LedgerReport.Line> lines = new ArrayList<>();
        for (Map.Entry<List<String>, long[]> e : entries) {
            long[] s = e.getValue();
            lines.add(new LedgerReport.Line(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), s[0], s[1], s[2],
                    s[3], s[4], LedgerRow.usd(s[5]), LedgerRow.usd(s[6]), s[7], s[8]));
        }
        return lines;
    }

    /** Every tier → deployment flow, most attempts first. */
    public List<Rollups.TierFlow> flows() {
        Map<List<String>, long[]> sums = new LinkedHashMap<>();
        for (Cell c : cells) {
            long[] s = sums.computeIfAbsent(List.of(c.tier(), c.deployment()), k -> new long[7]);
            s[0] += c.requests();
            s[1] += c.attempts();
            s[2] += c.costNanoUsd();
            s[3] += c.baselineNanoUsd();
            s[4] += c.unpriced();
            s[5] += c.inputTokens();
            s[6] += c.outputTokens();
        }
        List<Rollups.TierFlow> flows = new ArrayList<>();
        sums.forEach((k, s) -> flows.add(new Rollups.TierFlow(k.get(0), k.get(1), s[0], s[1], s[2], s[3], s[4], s[5],
                s[6])));
        flows.sort(Comparator.comparingLong(Rollups.TierFlow::attempts).reversed()
                .thenComparing(Rollups.TierFlow::tier).thenComparing(Rollups.TierFlow::deployment));
        return flows;
    }

    /** Traffic per deployment, busiest first, with empty histograms for the caller to fill. */
    List<Rollups.DeploymentTraffic> deployments() {
        Map<String, Cell> first = new LinkedHashMap<>();
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Cell c : cells) {
            first.putIfAbsent(c.deployment(), c);
            long[] s = sums.computeIfAbsent(c.deployment(), k -> new long[7]);
            s[0] += c.requests();
            s[1] += c.attempts();
            s[2] += c.failures();
            s[3] += c.fellBack();
            s[4] += c.costNanoUsd();
            s[5] += c.baselineNanoUsd();
            s[6] += c.unpriced();
        }
        List<Rollups.DeploymentTraffic> traffic = new ArrayList<>();
        sums.forEach((d, s) -> traffic.add(new Rollups.DeploymentTraffic(d, first.get(d).servedModel(),
                first.get(d).provider(), s[0], s[1], s[2], s[3], s[4], s[5], s[6], new Histogram(), new Histogram())));
        traffic.sort(Comparator.comparingLong(Rollups.DeploymentTraffic::attempts).reversed()
                .thenComparing(Rollups.DeploymentTraffic::deployment));
        return traffic;
    }

    /** Failed attempts per error class, most frequent first. */
    public Map<String, Long> errors() {
        Map<String, Long> counts = new TreeMap<>();
        cells.stream().filter(c -> !c.outcome().isEmpty()).forEach(c -> counts.merge(c.outcome(), c.attempts(), Long::sum));
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }
}
