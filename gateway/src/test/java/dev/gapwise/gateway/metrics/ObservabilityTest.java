package dev.gapwise.gateway.metrics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Response headers, Prometheus metrics, readiness, and logs in which no key ever appears. */
class ObservabilityTest {
    @TempDir
    Path dir;

    @Test
    void tellsWhichDeploymentServedAndWhyAndHowLongTheGatewayTook() {
        try (TestGateway gw = TestGateway.start(dir)) {
            HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false));

            assertThat(response.headers().firstValue("x-gapwise-request-id").orElseThrow()).startsWith("req_");
            assertThat(response.headers().firstValue("x-gapwise-deployment")).hasValue("cheap@fakeai");
            assertThat(response.headers().firstValue("x-gapwise-route-reason").orElseThrow()).contains("cheapest");
            assertThat(Double.parseDouble(response.headers().firstValue("x-gapwise-overhead-ms").orElseThrow()))
                    .isBetween(0.0, 1_000.0);
        }
    }

    @Test
    void exportsRequestsErrorsLatencyOverheadTokensAndCost() {
        try (TestGateway gw = TestGateway.start(dir)) {
            gw.upstream.enqueue(Behaviour.status(500));
            gw.post("/v1/chat/completions", TestGateway.openAiChat("cheap-model", false));
            gw.post("/v1/messages", "{");
            gw.ledgerRows();

            String metrics = gw.get("/metrics").body();

            assertThat(metrics).contains("gapwise_requests_total{endpoint=\"chat_completions\",outcome=\"ok\",status=\"200\"} 1.0");
            assertThat(metrics).contains("gapwise_errors_total{class=\"server_error\"} 1.0");
            assertThat(metrics).contains("gapwise_errors_total{class=\"bad_request\"} 1.0");
            assertThat(metrics).contains("gapwise_overhead_seconds_bucket", "gapwise_request_duration_seconds_bucket");
            assertThat(metrics).contains("gapwise_tokens_total{deployment=\"cheap@fakeai\",direction=\"input\"} 12.0");
            assertThat(metrics).contains("gapwise_cost_usd_total{deployment=\"cheap@fakeai\"}");
            assertThat(gw.get("/readyz").statusCode()).isEqualTo(200);
            assertThat(gw.get("/healthz").body()).contains("ok");
        }
    }

    @Test
    void neverLogsAProviderKeyOrAClientKey() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger access = (Logger) LoggerFactory.getLogger("gapwise.access");
        Level accessLevel = access.getLevel();
        access.setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try (TestGateway gw = TestGateway.start(dir)) {
            gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", true), "Authorization", "Bearer gw-client-secret-777");
            gw.post("/v1/messages", TestGateway.anthropicChat("claude-fake", false), "x-api-key", "gw-client-secret-777");
            gw.upstream.enqueue(Behaviour.status(401));
            gw.post("/v1/messages", TestGateway.anthropicChat("claude-fake", false));
        } finally {
            root.detachAppender(appender);
            access.setLevel(accessLevel);
        }
        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertThat(line).doesNotContain(TestGateway.OPENAI_KEY, TestGateway.ANTHROPIC_KEY, "gw-client-secret-777");
        }
    }
}
