package dev.gapwise.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user's first start: no key and no traffic. The browser on this machine gets in without signing in, the
 * overview says what will appear and how to send a first request, and the gap page already has its charts.
 */
class FirstStartTest {
    @TempDir
    Path folder;

    @Test
    void beforeAnyTrafficTheOverviewExplainsItselfAndTheGapIsThere() throws Exception {
        try (DashboardFixture fixture = DashboardFixture.fresh(folder, TestDatabases.sqlite(folder))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> overview = http.send(HttpRequest.newBuilder(fixture.uri("/ui")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("No traffic in the last 30 days").contains("/v1")
                    .contains("\"model\": \"auto\"").contains("loopback, auth off").doesNotContain("$0.000000");
            HttpResponse<String> gap = http.send(HttpRequest.newBuilder(fixture.uri("/ui/gap")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(gap.statusCode()).isEqualTo(200);
            assertThat(gap.body()).contains("open-vs-closed-frontiers").contains("china-vs-us-lag")
                    .contains("matrix-frontiers").contains("months");
            for (String path : java.util.List.of("/ui/requests", "/ui/routing", "/ui/keys", "/ui/deployments")) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(fixture.uri(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.body()).as(path).containsAnyOf("No request yet", "No routed traffic", "No spend",
                        "Health");
            }
        }
    }
}
