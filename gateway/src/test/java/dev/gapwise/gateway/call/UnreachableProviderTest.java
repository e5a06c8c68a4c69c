package dev.gapwise.gateway.call;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.ConfigLoader;
import dev.gapwise.gateway.fake.FakeUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider nobody listens for: connect errors are retried, then the loop falls back. */
class UnreachableProviderTest {
    @TempDir
    Path dir;

    @Test
    void retriesConnectErrorsThenFallsBackToTheNextDeployment() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            String yaml = TestGateway.yaml(upstream.baseUrl(), dir, "")
                    .replace("  fakeanthropic:\n", "  dead:\n    dialect: openai\n    base_url: http://127.0.0.1:9/v1\n"
                            + "  fakeanthropic:\n")
                    .replace("deployments:\n", "deployments:\n  - id: dead@dead\n    model: dead-model\n"
                            + "    provider: dead\n    price: {input: 0.01, output: 0.01}\n");
            try (Gateway gateway = Gateway.start(ConfigLoader.parse(yaml, "test"), new Catalog(List.of(), List.of()),
                    TestGateway.environment(), InstantSource.system())) {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                gateway.uri().resolve("/v1/chat/completions"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TestGateway.openAiChat("auto", false))).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("x-gapwise-deployment")).hasValue("cheap@fakeai");
                gateway.ledger().flush();
                try (var connection = gateway.database().connection();
                     var rs = connection.createStatement().executeQuery(
                             "SELECT deployment, error_class FROM ledger ORDER BY attempt")) {
                    rs.next();
                    assertThat(rs.getString(2)).isEqualTo("connect");
                    rs.next();
                    assertThat(rs.getString(2)).isEqualTo("connect");
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("cheap@fakeai");
                    assertThat(rs.getString(2)).isNull();
                }
            }
        }
    }
}
