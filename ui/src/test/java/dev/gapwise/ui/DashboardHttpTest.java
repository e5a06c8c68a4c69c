package dev.gapwise.ui;

import dev.gapwise.gateway.ledger.LedgerReport;
import dev.gapwise.gateway.ledger.LedgerRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard over HTTP against a served gateway with a seeded SQLite ledger: who may see what, the overview's
 * lines are {@code gapwise ledger}'s, keyset pages visit every request once, filters, the CSV is the ledger, bad
 * parameters are named. (The browser test drives the same pages in Chromium.)
 */
class DashboardHttpTest {
    @TempDir
    static Path folder;
    static DashboardFixture fixture;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern ROW = Pattern.compile("<tr data-request=\"([^\"]+)\"><td>.*?</td><td>([^<]*)</td><td>([^<]*)</td>");

    @BeforeAll
    static void start() throws Exception {
        fixture = DashboardFixture.start(folder, TestDatabases.sqlite(folder), 300, 11);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.uri(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesABrowserWithoutAKeyWithTheSignInPageAndNoData() throws Exception {
        for (String path : List.of("/ui", "/ui/requests", "/ui/requests.csv", "/ui/gap")) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).contains("Sign in").doesNotContain("ledger-lines").doesNotContain("request_id,");
        }
        assertThat(get("/ui", "gw-not-a-key").statusCode()).isEqualTo(401);
    }

    @Test
    void overviewLinesAreTheLinesOfGapwiseLedger() throws Exception {
        String body = get("/ui?days=30", fixture.adminKey).body();
        String table = body.substring(body.indexOf("id=\"ledger-lines\""));
        table = table.substring(0, table.indexOf("</table>"));
        List<String> shown = new ArrayList<>();
        Matcher cells = Pattern.compile("<tr><td>(.*?)</td></tr>").matcher(table);
        while (cells.find()) {
            shown.add(cells.group(1).replace("</td><td>", "|"));
        }
        List<String> expected = new ArrayList<>();
        for (LedgerReport.Line line : LedgerReport.lines(fixture.gateway.database())) {
            expected.add(String.join("|", line.day(), line.servedModel(), line.tier(), String.valueOf(line.attempts()),
                    String.valueOf(line.failures()), String.valueOf(line.inputTokens()),
                    String.valueOf(line.outputTokens()), money(line.cost()), money(line.baseline()),
                    money(line.savings()), String.valueOf(line.unpriced())));
        }
        assertThat(shown).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(body).contains("gpt-4o@openai").contains("unpriced");
    }

    private static String money(java.math.BigDecimal usd) {
        return usd.setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void keysetPagesVisitEveryRequestOnceNewestFirst() throws Exception {
        List<String> seen = pages("/ui/requests?size=37", fixture.adminKey);
        List<String> expected = fixture.rows.stream().filter(r -> r.attempt() == 1)
                .sorted(Comparator.comparing((LedgerRows.Row r) -> r.at().toString()).thenComparing(LedgerRows.Row::requestId)
                        .reversed()).map(LedgerRows.Row::requestId).toList();
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void filtersNarrowTheLog() throws Exception {
        List<String> critical = pages("/ui/requests?size=200&tier=critical", fixture.adminKey);
        assertThat(critical).containsExactlyInAnyOrderElementsOf(fixture.rows.stream()
                .filter(r -> r.attempt() == 1 && r.tier().equals("critical")).map(LedgerRows.Row::requestId).toList());
        List<String> onDeployment = pages("/ui/requests?size=200&deployment=deepseek-v3%40deepseek", fixture.adminKey);
        assertThat(onDeployment).isNotEmpty().containsExactlyInAnyOrderElementsOf(fixture.rows.stream()
                .filter(r -> r.attempt() == 1 && r.deployment().equals("deepseek-v3@deepseek"))
                .map(LedgerRows.Row::requestId).toList());
    }

    private static List<String> pages(String first, String key) throws Exception {
        List<String> ids = new ArrayList<>();
        String path = first;
        for (int page = 0; page < 100 && path != null; page++) {
            HttpResponse<String> response = get(path, key);
            assertThat(response.statusCode()).isEqualTo(200);
            Matcher row = ROW.matcher(response.body());
            while (row.find()) {
                ids.add(row.group(1));
            }
            Matcher older = Pattern.compile("id=\"older\" href=\"([^\"]+)\"").matcher(response.body());
            path = older.find() ? older.group(1).replace("&amp;", "&") : null;
        }
        return ids;
    }

    @Test
    void csvExportIsTheLedgerAttemptByAttemptWithUnknownCostsLeftEmpty() throws Exception {
        HttpResponse<String> response = get("/ui/requests.csv", fixture.adminKey);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-disposition").orElse("")).contains("attachment");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("request_id,attempt,at_utc,key_id");
        assertThat(lines).hasSize(fixture.rows.size() + 1);
        Map<String, LedgerRows.Row> byId = new HashMap<>();
        fixture.rows.forEach(r -> byId.put(r.requestId() + "#" + r.attempt(), r));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            LedgerRows.Row row = byId.remove(cells[0] + "#" + cells[1]);
            assertThat(row).as(line).isNotNull();
            assertThat(cells[18]).isEqualTo(row.unpriced() ? "" : LedgerRow.usd(row.costNanoUsd()).toPlainString());
            assertThat(cells[19]).isEqualTo(row.unpriced() ? "1" : "0");
            assertThat(cells[12]).isEqualTo(String.valueOf(row.inputTokens()));
        }
        assertThat(byId).isEmpty();
    }

    @Test
    void aKeyHolderSeesOnlyItsOwnSpendAndRequests() throws Exception {
        List<String> own = pages("/ui/requests?size=200&key=key_other1", fixture.userKey);
        Set<String> expected = new HashSet<>(fixture.rows.stream().filter(r -> r.attempt() == 1
                && fixture.userKeyId.equals(r.keyId())).map(LedgerRows.Row::requestId).toList());
        assertThat(own).isNotEmpty();
        assertThat(new HashSet<>(own)).isEqualTo(expected);
        String csv = get("/ui/requests.csv", fixture.userKey).body();
        assertThat(csv.lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line.split(",")[3])
                .isEqualTo(fixture.userKeyId));
        assertThat(get("/ui/routing", fixture.userKey).statusCode()).isEqualTo(403);
        assertThat(get("/ui/deployments", fixture.userKey).statusCode()).isEqualTo(403);
        String other = fixture.rows.stream().filter(r -> "key_other1".equals(r.keyId())).findFirst().orElseThrow()
                .requestId();
        assertThat(get("/ui/requests/" + other, fixture.userKey).statusCode()).isEqualTo(404);
        assertThat(get("/ui/requests/" + other, fixture.adminKey).statusCode()).isEqualTo(200);
        String overview = get("/ui", fixture.userKey).body();
        assertThat(overview).contains("own-days").doesNotContain("key_other1").doesNotContain("ledger-lines");
        String keys = get("/ui/keys", fixture.userKey).body();
        assertThat(keys).doesNotContain("key_other1").doesNotContain("ops-admin").contains("id=\"budgets\"")
                .contains("growth").contains("Europe/Paris").contains(">0.02<").doesNotContain("No budget");
    }

    @Test
    void theSignInFormSetsAnHttpOnlyStrictCookieAndNeverPutsTheKeyInAUrl() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(fixture.uri("/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + fixture.userKey)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("location")).hasValue("/ui");
        String cookie = response.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie).startsWith("gapwise_ui=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(fixture.uri("/ui/requests"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(fixture.userKey);
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(fixture.uri("/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=gw-wrong")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("set-cookie")).isEmpty();
    }

    @Test
    void badParametersAreA400ThatNamesThem() throws Exception {
        HttpResponse<String> days = get("/ui?days=abc", fixture.adminKey);
        assertThat(days.statusCode()).isEqualTo(400);
        assertThat(days.body()).contains("days must be a whole number from 1 to 366");
        HttpResponse<String> size = get("/ui/requests?size=100000", fixture.adminKey);
        assertThat(size.statusCode()).isEqualTo(400);
        assertThat(size.body()).contains("size is the number of requests per page, 1 to 200");
        assertThat(get("/ui/requests?from=yesterday", fixture.adminKey).body()).contains("YYYY-MM-DD");
        assertThat(get("/ui/requests?before=bm8tbmV3bGluZQ", fixture.adminKey).statusCode()).isEqualTo(400);
    }

    @Test
    void everyPageAnswersAndTheApiStillAnswersBesideIt() throws Exception {
        for (String path : List.of("/ui", "/ui/routing", "/ui/requests", "/ui/keys", "/ui/deployments", "/ui/gap")) {
            HttpResponse<String> response = get(path, fixture.adminKey);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("<main>").doesNotContain(fixture.adminKey);
        }
        assertThat(get("/ui/gap", fixture.adminKey).body()).contains("open-vs-closed-frontiers").contains("data snapshot");
        String routing = get("/ui/routing?days=30", fixture.adminKey).body();
        assertThat(routing).contains("id=\"what-if\"").contains("as critical (")
                .doesNotContain("as critical (llama-local@ollama)").contains("tier-sources")
                .contains("classifier").contains("tier-flow");
        assertThat(get("/ui/assets/echarts.min.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/ui/assets/../../v1/models", null).statusCode()).isNotEqualTo(200);
        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
        assertThat(get("/v1/models", fixture.userKey).statusCode()).isEqualTo(200);
    }
}
