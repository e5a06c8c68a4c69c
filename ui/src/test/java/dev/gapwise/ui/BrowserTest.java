package dev.gapwise.ui;

import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.gap.analysis.GapReport;
import dev.gapwise.gateway.ledger.LedgerReport;
import dev.gapwise.ui.page.GapFigures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code src/test/browser/dashboard.test.mjs}: Debian's Chromium, headless, through every page of a served
 * dashboard with a seeded ledger (charts paint, filters and pages, the CSV against the ledger, refusal without a
 * key, a key holder's own view). Screenshots land in {@code target/screenshots}. Skipped, saying why, only when
 * node, Chromium or the npm package is missing ({@code .ci/run} installs them; by hand: {@code apt-get install
 * chromium} and {@code npm ci} in src/test/browser).
 */
class BrowserTest {
    private static final Path SCRIPT_DIR = Path.of("src/test/browser");

    @TempDir
    Path folder;

    @Test
    void theDashboardWorksInChromium() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        Assumptions.assumeTrue(onPath("node"), "node is not installed: skipping the browser test");
        Assumptions.assumeTrue(Files.isExecutable(Path.of(chromium)),
                chromium + " is missing: skipping the browser test (apt-get install chromium)");
        Assumptions.assumeTrue(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core is not installed: skipping the browser test (npm ci in ui/src/test/browser)");
        try (DashboardFixture fixture = DashboardFixture.start(folder, TestDatabases.sqlite(folder), 260, 7)) {
            Path file = folder.resolve("fixture.json");
            Files.writeString(file, JsonMapper.builder().build().writeValueAsString(expectations(fixture)));
            Process node = new ProcessBuilder("node", "dashboard.test.mjs", file.toString())
                    .directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
            String output;
            boolean ended = node.waitFor(240, TimeUnit.SECONDS);
            if (!ended) {
                node.destroyForcibly();
            }
            output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(ended).as("the browser test ended within 4 minutes").isTrue();
            assertThat(node.exitValue()).as(output).isZero();
            assertThat(output).contains("browser checks passed");
        }
    }

    private static Map<String, Object> expectations(DashboardFixture fixture) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", fixture.gateway.uri().toString());
        out.put("adminKey", fixture.adminKey);
        out.put("userKey", fixture.userKey);
        out.put("userKeyId", fixture.userKeyId);
        out.put("screenshots", Path.of("target/screenshots").toAbsolutePath().toString());
        out.put("requests", fixture.rows.stream().filter(r -> r.attempt() == 1).count());
        out.put("attempts", fixture.rows.size());
        out.put("criticalRequests", fixture.rows.stream().filter(r -> r.attempt() == 1 && r.tier().equals("critical")).count());
        out.put("userRequests", fixture.rows.stream().filter(r -> r.attempt() == 1 && fixture.userKeyId.equals(r.keyId())).count());
        out.put("userAttempts", fixture.rows.stream().filter(r -> fixture.userKeyId.equals(r.keyId())).count());
        out.put("unpricedAttempts", fixture.rows.stream().filter(LedgerRows.Row::unpriced).count());
        out.put("costNanos", String.valueOf(fixture.rows.stream().mapToLong(LedgerRows.Row::costNanoUsd).sum()));
        List<String> lines = new ArrayList<>();
        for (LedgerReport.Line line : LedgerReport.lines(fixture.gateway.database())) {
            lines.add(String.join("|", line.day(), line.servedModel(), line.tier(), String.valueOf(line.attempts()),
                    String.valueOf(line.failures()), String.valueOf(line.inputTokens()),
                    String.valueOf(line.outputTokens()), money(line.cost()), money(line.baseline()),
                    money(line.savings()), String.valueOf(line.unpriced())));
        }
        out.put("ledgerLines", lines);
        GapFigures.Result gap = new GapFigures(BundledCatalogReader.readBundled()).get();
        GapReport report = ((GapFigures.Result.Ready) gap).report();
        out.put("firstLeaderRecord", report.series().frontier(report.sections().getFirst().comparison().leader())
                .records().getFirst().name());
        return out;
    }

    private static String money(java.math.BigDecimal usd) {
        return usd.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean onPath(String program) {
        try {
            return new ProcessBuilder(program, "--version").redirectErrorStream(true).start().waitFor(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
