package dev.gapwise.gateway.hardening;

import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, case 9: translation silently dropped an Anthropic {@code document} block and an OpenAI {@code
 * input_audio} part, and turned an image with no {@code source} into {@code "url": ""}. Each part is now translated
 * or refused with a 400 that names it; nothing reaches the upstream and nothing is billed.
 */
class TranslationRefusalTest extends SharedGatewayTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "document by URL        | /v1/messages         | cheap-model | {\"type\":\"document\",\"source\":{\"type\":\"url\",\"url\":\"https://x/y.pdf\"}} | messages[0].content[1]",
            "image without source   | /v1/messages         | cheap-model | {\"type\":\"image\"}                                                          | messages[0].content[1]",
            "unknown Anthropic block| /v1/messages         | cheap-model | {\"type\":\"search_result\",\"content\":[]}                                   | messages[0].content[1]",
            "input_audio            | /v1/chat/completions | claude-fake | {\"type\":\"input_audio\",\"input_audio\":{\"data\":\"AAAA\",\"format\":\"wav\"}} | messages[0].content[1]",
            "image with empty url   | /v1/chat/completions | claude-fake | {\"type\":\"image_url\",\"image_url\":{\"url\":\"\"}}                          | messages[0].content[1]",
            "file by id             | /v1/chat/completions | claude-fake | {\"type\":\"file\",\"file\":{\"file_id\":\"file-123\"}}                        | messages[0].content[1]"})
    void aPartTheOtherDialectCannotCarryIsRefusedWithA400NamingIt(String what, String path, String model, String part,
                                                                  String where) {
        HttpResponse<String> response = gw.post(path, body(path, model, part));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        RequestEdgeTest.assertDialectError(path, response.body());
        assertThat(TestGateway.json(response.body()).path("error").path("message").asString()).contains(where);
        assertThat(gw.upstream.received()).isEmpty();
        assertThat(gw.ledgerRows()).isEmpty();
    }

    @Test
    void aPdfDocumentIsTranslatedToAnOpenAiFilePartAndBack() {
        HttpResponse<String> response = gw.post("/v1/messages", body("/v1/messages", "cheap-model",
                "{\"type\":\"document\",\"title\":\"report\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVBERi0=\"}}"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sent = gw.upstream.received().getLast().body().path("messages").path(0).path("content");
        assertThat(sent.path(1).path("type").asString()).isEqualTo("file");
        assertThat(sent.path(1).path("file").path("file_data").asString()).isEqualTo("data:application/pdf;base64,JVBERi0=");

        gw.upstream.reset();
        HttpResponse<String> back = gw.post("/v1/chat/completions", body("/v1/chat/completions", "claude-fake",
                "{\"type\":\"file\",\"file\":{\"filename\":\"r.pdf\",\"file_data\":\"data:application/pdf;base64,JVBERi0=\"}}"));
        assertThat(back.statusCode()).isEqualTo(200);
        JsonNode document = gw.upstream.received().getLast().body().path("messages").path(0).path("content").path(1);
        assertThat(document.path("type").asString()).isEqualTo("document");
        assertThat(document.path("source").path("data").asString()).isEqualTo("JVBERi0=");
    }

    private static String body(String path, String model, String part) {
        String content = "[{\"type\":\"text\",\"text\":\"read this\"}," + part + "]";
        return path.equals("/v1/messages")
                ? "{\"model\":\"" + model + "\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":" + content + "}]}"
                : "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":" + content + "}]}";
    }
}
