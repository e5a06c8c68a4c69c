package dev.gapwise.gateway.hardening;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gapwise.gateway.RawHttp;
import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, case 2: an upstream that echoes the credential it received ("Incorrect API key provided: Bearer sk-…")
 * handed the gateway's provider key to every caller, in both dialects, JSON and SSE. Upstream error text is now
 * redacted where it enters the gateway.
 */
class UpstreamErrorTextTest extends SharedGatewayTest {
    private static final String ECHO = "Incorrect API key provided: " + Behaviour.CREDENTIAL + " (key=" + Behaviour.CREDENTIAL + ")";

    @ParameterizedTest(name = "{0} served by {1}")
    @CsvSource({"/v1/chat/completions, cheap-model", "/v1/chat/completions, claude-fake",
            "/v1/messages, cheap-model", "/v1/messages, claude-fake"})
    void anUpstreamEchoingItsKeyInAnErrorDoesNotHandItToTheClient(String path, String model) {
        gw.upstream.setDefault(Behaviour.status(401).saying(ECHO));
        String body = path.equals("/v1/messages") ? TestGateway.anthropicChat(model, false) : TestGateway.openAiChat(model, false);

        List<ILoggingEvent> logs = logged(() -> {
            HttpResponse<String> response = gw.post(path, body);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains("Incorrect API key provided", "[REDACTED]")
                    .doesNotContain(TestGateway.OPENAI_KEY, TestGateway.ANTHROPIC_KEY, "SECRET");
        });
        assertThat(logs).allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(TestGateway.OPENAI_KEY, TestGateway.ANTHROPIC_KEY));
        assertThat(gw.ledgerRows()).allSatisfy(row -> assertThat(row.toString())
                .doesNotContain(TestGateway.OPENAI_KEY, TestGateway.ANTHROPIC_KEY));
    }

    @ParameterizedTest(name = "{0} served by {1}")
    @CsvSource({"/v1/chat/completions, cheap-model", "/v1/chat/completions, claude-fake",
            "/v1/messages, cheap-model", "/v1/messages, claude-fake"})
    void anUpstreamEchoingItsKeyInAStreamErrorEventDoesNotHandItToTheClient(String path, String model) {
        gw.upstream.setDefault(Behaviour.ok().cutAfter(2).saying(ECHO));
        String body = path.equals("/v1/messages") ? TestGateway.anthropicChat(model, true) : TestGateway.openAiChat(model, true);

        String response = RawHttp.exchange(gw.gateway.uri(), path, body);

        assertThat(response).startsWith("HTTP/1.1 200").contains("Incorrect API key provided", "[REDACTED]")
                .doesNotContain(TestGateway.OPENAI_KEY, TestGateway.ANTHROPIC_KEY, "SECRET", "[DONE]", "message_stop");
    }

    @Test
    void aHugeUpstreamErrorIsReportedInShortAndPromptly() {
        gw.upstream.setDefault(Behaviour.status(500).saying("overloaded, try later " + "x".repeat(4_000_000)));

        long started = System.nanoTime();
        HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("cheap-model", false));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("overloaded, try later").hasSizeLessThan(70_000);
        assertThat(System.nanoTime() - started).isLessThan(java.time.Duration.ofSeconds(20).toNanos());
    }

    @Test
    void theAccessLogCannotBeForgedThroughTheModelName() {
        String forged = "x\\n2026-01-01T00:00:00Z INFO access request_id=req_FORGED status=200";
        List<ILoggingEvent> logs = logged(() -> {
            gw.post("/v1/chat/completions",
                    "{\"model\":\"" + forged + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            pause(300);
        });

        assertThat(logs).filteredOn(e -> e.getLoggerName().equals("gapwise.access")).singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage()).doesNotContain("\n")
                        .contains("model=\"x\\n2026-01-01T00:00:00Z INFO access request_id=req_FORGED status=200\""));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<ILoggingEvent> logged(Runnable action) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger access = (Logger) LoggerFactory.getLogger("gapwise.access");
        Level level = access.getLevel();
        access.setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            action.run();
        } finally {
            root.detachAppender(appender);
            access.setLevel(level);
        }
        return appender.list;
    }
}
