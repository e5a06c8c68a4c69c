package dev.gapwise.cli;

import dev.gapwise.gateway.ledger.LedgerReport;
import dev.gapwise.gateway.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.List;

/** {@code gapwise ledger}: spend and savings by day, served model and tier. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = {"Prints spend and savings from the gateway's ledger by day, served model and tier.",
                "Savings = what the same tokens would have cost on the savings baseline (the reference: the cheapest",
                "callable deployment of the model nearest the frontier unless reference: names one), priced by the",
                "same rules (cache reads and writes at their own rates), minus spend."})
final class LedgerCommand implements Runnable {
    @Mixin
    GatewayConfigOption config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        try (Database database = config.openDatabase()) {
            List<LedgerReport.Line> lines = LedgerReport.lines(database);
            PrintWriter out = spec.commandLine().getOut();
            if (lines.isEmpty()) {
                out.println("The ledger is empty: no request has gone through the gateway yet.");
                return;
            }
            out.printf("%-10s  %-28s %-10s %8s %6s %12s %12s %12s %12s %12s%n", "DAY", "SERVED MODEL", "TIER",
                    "ATTEMPTS", "FAILED", "TOKENS IN", "TOKENS OUT", "SPEND USD", "BASELINE", "SAVED");
            BigDecimal spend = BigDecimal.ZERO;
            BigDecimal baseline = BigDecimal.ZERO;
            long estimated = 0;
            long unpriced = 0;
            for (LedgerReport.Line line : lines) {
                out.printf("%-10s  %-28s %-10s %8d %6d %12d %12d %12s %12s %12s%n", line.day(), line.servedModel(),
                        line.tier(), line.attempts(), line.failures(), line.inputTokens(), line.outputTokens(),
                        money(line.cost()), money(line.baseline()), money(line.savings()));
                spend = spend.add(line.cost());
                baseline = baseline.add(line.baseline());
                estimated += line.estimated();
                unpriced += line.unpriced();
            }
            out.printf("total spend %s USD, baseline %s USD, saved %s USD%s%n", money(spend), money(baseline),
                    money(baseline.subtract(spend)), baseline.signum() > 0 ? " (" + baseline.subtract(spend)
                            .multiply(BigDecimal.valueOf(100)).divide(baseline, 1, RoundingMode.HALF_UP) + " %)" : "");
            if (unpriced > 0) {
                out.println(unpriced + " attempts ran on deployments without a price: their cost is unknown and in "
                        + "neither sum (give those deployments a price in gapwise.yaml).");
            }
            if (estimated > 0) {
                out.println(estimated + " attempts have estimated token counts (the provider reported none).");
            }
        } catch (SQLException e) {
            throw new UserException("cannot read the ledger: " + e.getMessage());
        }
    }

    private static String money(BigDecimal usd) {
        return usd.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }
}
