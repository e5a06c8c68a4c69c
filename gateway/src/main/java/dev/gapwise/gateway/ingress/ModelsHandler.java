package dev.gapwise.gateway.ingress;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.route.RoutePlanner;
import org.eclipse.jetty.server.Request;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/models}: {@code auto}, every servable model and every deployment id, in the OpenAI list format,
 * or the Anthropic one when the request carries {@code anthropic-version}. Both bodies are built once. Immutable.
 */
final class ModelsHandler implements java.util.function.Function<Request, TextHandler.Answer> {
    private final byte[] openAi;
    private final byte[] anthropic;

    ModelsHandler(List<Deployment> callable) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(RoutePlanner.AUTO, "gapwise");
        for (Deployment deployment : callable) {
            names.putIfAbsent(deployment.modelId(), deployment.provider());
            names.putIfAbsent(deployment.id(), deployment.provider());
        }
        ObjectNode openAiList = Json.object().put("object", "list");
        ArrayNode data = openAiList.putArray("data");
        ObjectNode anthropicList = Json.object();
        ArrayNode anthropicData = anthropicList.putArray("data");
        names.forEach((id, owner) -> {
            data.addObject().put("id", id).put("object", "model").put("created", 0).put("owned_by", owner);
            anthropicData.addObject().put("type", "model").put("id", id).put("display_name", id)
                    .put("created_at", "1970-01-01T00:00:00Z");
        });
        anthropicList.put("has_more", false);
        anthropicList.put("first_id", names.keySet().iterator().next());
        anthropicList.put("last_id", List.copyOf(names.keySet()).getLast());
        this.openAi = Json.bytes(openAiList);
        this.anthropic = Json.bytes(anthropicList);
    }

    @Override
    public TextHandler.Answer apply(Request request) {
        return new TextHandler.Answer(200, "application/json",
                request.getHeaders().contains("anthropic-version") ? anthropic : openAi);
    }
}
