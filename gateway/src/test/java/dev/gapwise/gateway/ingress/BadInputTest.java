package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.RawHttp;
import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 4xx with an error body in the endpoint's dialect, and nothing reaches the upstream or ledger. */
class BadInputTest extends SharedGatewayTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON         | /v1/chat/completions | {\"model\":\"auto\",                                  | 400 | not valid JSON",
            "malformed JSON         | /v1/messages         | {\"model\": auto}                                    | 400 | not valid JSON",
            "not an object          | /v1/chat/completions | [1,2]                                                | 400 | JSON object",
            "wrong type of model    | /v1/chat/completions | {\"model\":5,\"messages\":[]}                        | 400 | 'model'",
            "missing messages       | /v1/chat/completions | {\"model\":\"auto\"}                                 | 400 | 'messages'",
            "missing messages       | /v1/messages         | {\"model\":\"auto\",\"max_tokens\":5}                | 400 | 'messages'",
            "wrong type of stream   | /v1/chat/completions | {\"model\":\"auto\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | 400 | 'stream'",
            "bad role               | /v1/messages         | {\"model\":\"auto\",\"max_tokens\":5,\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]} | 400 | role",
            "missing max_tokens     | /v1/messages         | {\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | 400 | 'max_tokens'",
            "n above one            | /v1/chat/completions | {\"model\":\"auto\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | 400 | 'n'",
            "unknown model          | /v1/chat/completions | {\"model\":\"gpt-99\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | 404 | gpt-99",
            "unknown model          | /v1/messages         | {\"model\":\"gpt-99\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} | 404 | gpt-99"})
    void answersBadInputWithAnErrorInTheEndpointsDialect(String what, String path, String body, int status, String says) {
        int before = gw.upstream.received().size();

        HttpResponse<String> response = gw.post(path, body);

        assertThat(response.statusCode()).isEqualTo(status);
        assertError(path, TestGateway.json(response.body()), says);
        assertThat(gw.upstream.received()).hasSize(before);
    }

    @Test
    void rejectsAnOversizedBodyWith413() {
        String huge = TestGateway.openAiChat("auto", false).replace("Say hello", "x".repeat(70_000));

        HttpResponse<String> response = gw.post("/v1/messages", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertError("/v1/messages", TestGateway.json(response.body()), "exceeds");
    }

    @Test
    void rejectsInvalidUtf8With400() {
        byte[] prefix = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);

        String response = RawHttp.exchange(gw.gateway.uri(), "POST", "/v1/chat/completions", body);

        assertThat(response).startsWith("HTTP/1.1 400").contains("UTF-8").contains("\"type\":\"invalid_request_error\"");
    }

    @Test
    void answersWrongMethodsAndUnknownPathsWithErrorBodies() {
        assertThat(gw.get("/v1/chat/completions").statusCode()).isEqualTo(405);
        HttpResponse<String> unknown = gw.get("/v1/nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestGateway.json(unknown.body()).path("error").path("message").asString()).contains("/v1/nothing");
    }

    @Test
    void writesNoLedgerRowForRejectedInput() {
        gw.post("/v1/chat/completions", "{\"model\":");
        assertThat(gw.ledgerRows()).isEmpty();
    }

    private static void assertError(String path, JsonNode body, String says) {
        if (path.equals("/v1/messages")) {
            assertThat(body.path("type").asString()).isEqualTo("error");
            assertThat(body.path("error").path("type").asString()).isNotBlank();
        } else {
            assertThat(body.path("error").path("type").asString()).isNotBlank();
        }
        assertThat(body.path("error").path("message").asString()).contains(says);
    }
}
