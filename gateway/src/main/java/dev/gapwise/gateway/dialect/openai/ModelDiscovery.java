package dev.gapwise.gateway.dialect.openai;

import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lists the models of a keyless OpenAI-compatible local server (Ollama, vLLM) at start. Stateless. */
public final class ModelDiscovery {
    private ModelDiscovery() {
    }

    /** The model ids under {@code baseUrl/models}, or empty when nothing answers in time. */
    public static Optional<List<String>> list(URI baseUrl, Duration timeout) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/models")).timeout(timeout).GET().build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode json = Json.parseOrNull(response.body());
            if (json == null) {
                return Optional.empty();
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode model : json.path("data")) {
                if (model.path("id").isString()) {
                    ids.add(model.path("id").stringValue());
                }
            }
            return Optional.of(ids);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
