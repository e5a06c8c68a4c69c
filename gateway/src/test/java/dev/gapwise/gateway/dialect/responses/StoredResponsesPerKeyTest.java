package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.keys.VirtualKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** With virtual keys on, a stored response belongs to the key that made it: to any other key it does not exist. */
class StoredResponsesPerKeyTest {
    @TempDir
    Path dir;

    @Test
    void anotherKeysResponseIsA404InTheResponsesErrorShape() throws Exception {
        try (TestGateway gw = TestGateway.start(dir)) {
            VirtualKeys keys = new VirtualKeys(gw.gateway.database(), AuthMode.AUTO, InstantSource.system());
            String alice = "Bearer " + keys.create("alice", Optional.empty()).key();
            String bob = "Bearer " + keys.create("bob", Optional.empty()).key();
            Thread.sleep(2_100);

            HttpResponse<String> created = gw.post("/v1/responses",
                    "{\"model\":\"cheap-model\",\"input\":\"Remember 42.\"}", "Authorization", alice);
            assertThat(created.statusCode()).isEqualTo(200);
            String id = TestGateway.json(created.body()).path("id").asString();

            assertThat(gw.get("/v1/responses/" + id, "Authorization", alice).statusCode()).isEqualTo(200);
            HttpResponse<String> foreign = gw.get("/v1/responses/" + id, "Authorization", bob);
            assertThat(foreign.statusCode()).isEqualTo(404);
            JsonNode error = TestGateway.json(foreign.body()).path("error");
            assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.path("message").asString()).contains(id);
            assertThat(gw.get("/v1/responses/" + id + "/input_items", "Authorization", bob).statusCode()).isEqualTo(404);

            HttpResponse<String> continued = gw.post("/v1/responses", "{\"model\":\"cheap-model\",\"input\":\"Which "
                    + "number?\",\"previous_response_id\":\"" + id + "\"}", "Authorization", bob);
            assertThat(continued.statusCode()).isEqualTo(404);
            assertThat(continued.body()).contains("previous response '" + id + "' not found");

            assertThat(delete(gw, id, bob).statusCode()).isEqualTo(404);
            assertThat(gw.get("/v1/responses/" + id).statusCode()).as("no key at all").isEqualTo(401);
            assertThat(delete(gw, id, alice).statusCode()).isEqualTo(200);
            assertThat(gw.get("/v1/responses/" + id, "Authorization", alice).statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> delete(TestGateway gw, String id, String authorization) {
        URI uri = gw.uri("/v1/responses/" + id);
        return gw.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).DELETE()
                .header("Authorization", authorization).build());
    }
}
