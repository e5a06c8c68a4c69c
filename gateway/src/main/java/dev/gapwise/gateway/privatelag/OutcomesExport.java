package dev.gapwise.gateway.privatelag;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The scored shadow pairs as a CSV in the generic outcome shape of {@code gapwise eval routing --outcomes}: one row
 * per request ({@code id}, {@code prompt} = the last user turn, {@code group} = the task label), and per deployment
 * {@code <deployment>__score} and {@code <deployment>__cost} (USD for that request; empty when unknown or not
 * called). The dearer reference scores 1 (it is the yardstick) unless a user's feedback on it, when served, says it
 * was unusable (then 0); the cheaper candidate scores 1 when acceptable, else 0. Requests whose prompt was not stored
 * are left out and counted. Stateless.
 */
public final class OutcomesExport {
    private OutcomesExport() {
    }

    /** What was written. */
    public record Result(int rows, int deployments, int withoutPrompt) {
        public String describe(Path file) {
            return "wrote " + rows + " requests with " + deployments + " deployments to " + file
                    + (withoutPrompt > 0 ? "; " + withoutPrompt + " scored pairs left out: their prompt was not stored "
                    + "(shadow.store_content off, or past its retention) or has no user text" : "")
                    + "\nevaluate the router on them: gapwise eval routing --outcomes " + file;
        }
    }

    public static Result write(dev.gapwise.gateway.store.Database database, LocalDate from, LocalDate to, Path file)
            throws SQLException, IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        Set<String> deployments = new LinkedHashSet<>();
        int withoutPrompt = 0;
        for (ShadowLog.Stored stored : ShadowLog.stored(database, from, to)) {
            if (stored.promptJson().isEmpty()) {
                withoutPrompt++;
                continue;
            }
            String prompt = lastUserText(stored.promptJson().get());
            if (prompt.isBlank()) {
                withoutPrompt++;
                continue;
            }
            ShadowPair pair = stored.pair();
            Row row = rows.computeIfAbsent(pair.requestId(), id -> new Row(prompt, pair.task()));
            boolean referenceBad = !pair.candidateServed() && pair.feedback().isPresent()
                    && pair.feedback().getAsDouble() < 0.5;
            row.put(pair.reference(), referenceBad ? 0 : 1, pair.referenceCost());
            row.put(pair.candidate(), pair.acceptable() ? 1 : 0, pair.candidateCost());
            deployments.add(pair.reference());
            deployments.add(pair.candidate());
        }
        List<String> header = new ArrayList<>(List.of("id", "prompt", "group"));
        for (String deployment : deployments) {
            header.add(deployment + "__score");
            header.add(deployment + "__cost");
        }
        try (CsvWriter csv = CsvWriter.builder().build(file, StandardCharsets.UTF_8)) {
            csv.writeRecord(header);
            for (Map.Entry<String, Row> entry : rows.entrySet()) {
                List<String> fields = new ArrayList<>(List.of(entry.getKey(), entry.getValue().prompt,
                        entry.getValue().group));
                for (String deployment : deployments) {
                    fields.add(entry.getValue().scores.getOrDefault(deployment, ""));
                    fields.add(entry.getValue().costs.getOrDefault(deployment, ""));
                }
                csv.writeRecord(fields);
            }
        }
        return new Result(rows.size(), deployments.size(), withoutPrompt);
    }

    private static final class Row {
        final String prompt;
        final String group;
        final Map<String, String> scores = new LinkedHashMap<>();
        final Map<String, String> costs = new LinkedHashMap<>();

        Row(String prompt, String group) {
            this.prompt = prompt;
            this.group = group;
        }

        void put(String deployment, int score, OptionalLong costNanos) {
            scores.merge(deployment, Integer.toString(score), (old, value) -> old.equals("0") ? old : value);
            if (costNanos.isPresent()) {
                costs.put(deployment, Pricing.usd(costNanos.getAsLong()).stripTrailingZeros().toPlainString());
            }
        }
    }

    /** The last user turn's text of a request body in either dialect. */
    static String lastUserText(String promptJson) {
        JsonNode body = Json.parseOrNull(promptJson.getBytes(StandardCharsets.UTF_8));
        if (body == null) {
            return "";
        }
        return dev.gapwise.gateway.score.Expectation.of(body).prompt();
    }
}
