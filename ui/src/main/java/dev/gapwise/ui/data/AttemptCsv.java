package dev.gapwise.ui.data;

import dev.gapwise.gateway.ledger.LedgerRow;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's attempts as CSV for finance: one row per attempt (retries and fallbacks included), oldest first, with
 * money in US dollars to nine decimals as stored and the cost left empty where the deployment had no price (the
 * {@code unpriced} column says 1): an unknown cost is never written as 0. Filtered like the request log, read in
 * keyset batches, at most {@link #MAX_ROWS} rows (the last line says when the export stopped there). Stateless.
 */
public final class AttemptCsv {
    public static final int MAX_ROWS = 100_000;
    private static final int BATCH = 2_000;
    static final String HEADER = "request_id,attempt,at_utc,key_id,team,tier,requested_model,served_model,deployment,"
            + "provider,status,error_class,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,"
            + "reasoning_tokens,tokens_estimated,cost_usd,unpriced,baseline_deployment,baseline_usd,latency_ms,ttft_ms,"
            + "route_reason";

    private AttemptCsv() {
    }

    /** Writes the filtered attempts; returns how many rows were written. */
    public static long write(Connection connection, RequestLog.Filter filter, Writer out) throws SQLException, IOException {
        out.write(HEADER + "\n");
        long written = 0;
        String afterAt = "";
        String afterId = "";
        int afterAttempt = 0;
        while (written < MAX_ROWS) {
            StringBuilder sql = new StringBuilder("SELECT " + RequestLog.COLUMNS + " FROM ledger WHERE 1 = 1");
            List<String> parameters = new ArrayList<>();
            RequestLog.where(filter, sql, parameters);
            sql.append(" AND (at_utc > ? OR (at_utc = ? AND (request_id > ? OR (request_id = ? AND attempt > ")
                    .append(afterAttempt).append("))))");
            parameters.addAll(List.of(afterAt, afterAt, afterId, afterId));
            sql.append(" ORDER BY at_utc, request_id, attempt LIMIT ").append(Math.min(BATCH, MAX_ROWS - written));
            int batch = 0;
            try (PreparedStatement statement = Rollups.prepare(connection, sql.toString(),
                    parameters.toArray(String[]::new)); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    RequestLog.Attempt a = RequestLog.read(rs);
                    out.write(String.join(",", field(a.requestId()), String.valueOf(a.attempt()), field(a.atUtc()),
                            field(a.keyId()), field(a.team()), field(a.tier()), field(a.requestedModel()),
                            field(a.servedModel()), field(a.deployment()), field(a.provider()),
                            String.valueOf(a.status()), field(a.errorClass()), String.valueOf(a.inputTokens()),
                            String.valueOf(a.outputTokens()), String.valueOf(a.cacheReadTokens()),
                            String.valueOf(a.cacheWriteTokens()), String.valueOf(a.reasoningTokens()),
                            a.tokensEstimated() ? "1" : "0",
                            a.unpriced() ? "" : LedgerRow.usd(a.costNanoUsd()).toPlainString(),
                            a.unpriced() ? "1" : "0", field(a.baselineDeployment()),
                            LedgerRow.usd(a.baselineNanoUsd()).toPlainString(),
                            java.math.BigDecimal.valueOf(a.latencyMicros(), 3).toPlainString(),
                            a.ttftMicros() == null ? "" : java.math.BigDecimal.valueOf(a.ttftMicros(), 3).toPlainString(),
                            field(a.reason())));
                    out.write("\n");
                    afterAt = a.atUtc();
                    afterId = a.requestId();
                    afterAttempt = a.attempt();
                    batch++;
                    written++;
                }
            }
            if (batch == 0) {
                return written;
            }
        }
        out.write("# stopped at " + MAX_ROWS + " rows: narrow the days to export the rest\n");
        return written;
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        // a cell a spreadsheet would run as a formula is quoted as text
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
