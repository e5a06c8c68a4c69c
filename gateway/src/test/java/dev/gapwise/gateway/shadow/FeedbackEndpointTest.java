package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackEndpointTest {
    @Test
    void feedbackOnAnAnsweredRequestIsStoredAsGroundTruth(@TempDir Path dir) throws Exception {
        try (TestGateway gw = TestGateway.start(dir)) {
            HttpResponse<String> answer = gw.post("/v1/chat/completions", TestGateway.openAiChat("cheap-model", false));
            String id = answer.headers().firstValue("x-gapwise-request-id").orElseThrow();
            gw.gateway.ledger().flush();
            HttpResponse<String> response = gw.post("/v1/gapwise/feedback", """
                    {"request_id": "%s", "score": 0.25, "comment": "wrong invoice number"}""".formatted(id));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(TestGateway.json(response.body()).path("status").asString()).isEqualTo("recorded");
            // a second verdict replaces the first
            assertThat(gw.post("/v1/gapwise/feedback", "{\"request_id\": \"" + id + "\", \"score\": 1}").statusCode())
                    .isEqualTo(200);
            try (Connection connection = gw.gateway.database().connection();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT score, comment FROM shadow_feedback WHERE request_id = ?")) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getDouble(1)).isEqualTo(1.0);
                    assertThat(rows.getString(2)).isNull();
                    assertThat(rows.next()).isFalse();
                }
            }
        }
    }

    @Test
    void badFeedbackGetsAClearErrorInTheCallersDialect(@TempDir Path dir) {
        try (TestGateway gw = TestGateway.start(dir)) {
            HttpResponse<String> unknown = gw.post("/v1/gapwise/feedback", "{\"request_id\": \"nope\", \"score\": 1}");
            assertThat(unknown.statusCode()).isEqualTo(404);
            JsonNode error = TestGateway.json(unknown.body()).path("error");
            assertThat(error.path("message").asString()).contains("no request nope in the ledger");

            HttpResponse<String> outOfRange = gw.post("/v1/gapwise/feedback", "{\"request_id\": \"x\", \"score\": 3}");
            assertThat(outOfRange.statusCode()).isEqualTo(400);
            assertThat(TestGateway.json(outOfRange.body()).path("error").path("message").asString())
                    .contains("'score' must be a number from 0").contains("got 3");

            HttpResponse<String> anthropic = gw.post("/v1/gapwise/feedback", "{\"score\": 1}",
                    "anthropic-version", "2023-06-01");
            assertThat(anthropic.statusCode()).isEqualTo(400);
            JsonNode body = TestGateway.json(anthropic.body());
            assertThat(body.path("type").asString()).isEqualTo("error");
            assertThat(body.path("error").path("message").asString()).contains("'request_id' must be");

            assertThat(gw.get("/v1/gapwise/feedback").statusCode()).isEqualTo(405);
        }
    }
}
