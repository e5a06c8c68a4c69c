package dev.gapwise.gateway;

import dev.gapwise.gateway.fake.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose client and upstream speak the same dialect reaches the upstream as the client's own bytes with
 * only the model edited in: members are copied verbatim (escapes, spacing and all), never decoded and re-encoded;
 * a request that needs translating is written anew.
 */
class PassThroughBodyTest extends SharedGatewayTest {
    /** A member a re-serialisation would change: an escaped é, a slash escape and spacing inside the array. */
    private static final String MESSAGES = "\"messages\" : [ {\"role\":\"user\", \"content\":\"caf\\u00e9 \\/ "
            + "r\\u00e9sum\\u00e9\"} ]";

    @Test
    void sameDialectKeepsTheClientsBytesAndEditsOnlyTheModel() {
        String body = "{ \"model\" : \"cheap-model\", " + MESSAGES + ", \"temperature\" : 0.50 }";
        HttpResponse<String> response = gw.post("/v1/chat/completions", body);

        assertThat(response.statusCode()).isEqualTo(200);
        FakeUpstream.Received sent = gw.upstream.received().getFirst();
        assertThat(sent.rawText()).contains(MESSAGES).contains("\"temperature\" : 0.50")
                .doesNotContain("\"cheap-model\"");
        assertThat(sent.body().path("model").asString()).endsWith("-upstream");
        assertThat(sent.body().path("messages").path(0).path("content").asString()).isEqualTo("café / résumé");
    }

    @Test
    void aStreamedRequestAlsoAsksForUsageAndKeepsTheRest() {
        String body = "{\"model\":\"cheap-model\",\"stream\":true," + MESSAGES + "}";
        HttpResponse<String> response = gw.post("/v1/chat/completions", body);

        assertThat(response.statusCode()).isEqualTo(200);
        FakeUpstream.Received sent = gw.upstream.received().getFirst();
        assertThat(sent.rawText()).contains(MESSAGES);
        assertThat(sent.body().path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(sent.body().path("stream").asBoolean()).isTrue();
    }

    @Test
    void aTranslatedRequestIsWrittenAnew() {
        String body = "{\"model\":\"cheap-model\",\"max_tokens\":50," + MESSAGES + "}";
        HttpResponse<String> response = gw.post("/v1/messages", body);

        assertThat(response.statusCode()).isEqualTo(200);
        FakeUpstream.Received sent = gw.upstream.received().getFirst();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.rawText()).doesNotContain(MESSAGES).contains("café / résumé");
    }
}
