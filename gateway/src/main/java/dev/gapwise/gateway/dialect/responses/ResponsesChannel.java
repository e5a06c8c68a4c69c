package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.call.ClientChannel;
import dev.gapwise.gateway.call.ErrorClass;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.call.RateLimitStatus;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Sits between the call loop, which speaks Chat Completions, and the client's HTTP channel, which expects the
 * Responses API: a complete chat answer goes out as a response object, a chat stream as Responses events ({@link
 * ResponsesStream}), a broken stream ends with {@code response.failed} and then the channel's own break (no clean
 * end). A completed response with {@code store} is saved before the client has its last byte, so a follow-up turn
 * can name it at once. Failures before anything was sent reach the HTTP channel unchanged: the Responses API
 * shares the OpenAI error shape. Used by one thread.
 */
public final class ResponsesChannel implements ClientChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ResponsesChannel.class);

    private final ClientChannel client;
    private final ResponsesWire.Request request;
    private final String id;
    private final long createdAt;
    private final Optional<ResponseStore> store;
    private final String keyId;
    private final ResponsesStream stream;
    private final List<String> notes;
    private ServedBy lastServedBy;

    /**
     * @param client    the HTTP channel
     * @param request   the turn
     * @param createdAt seconds since the epoch
     * @param store     where the response is kept when {@code request.store()} (empty: not kept)
     * @param keyId     the owning key ("" when keys are off)
     * @param notes     what the mapping to chat dropped, for the answer's translation notes
     */
    public ResponsesChannel(ClientChannel client, ResponsesWire.Request request, long createdAt,
                            Optional<ResponseStore> store, String keyId, List<String> notes) {
        this.client = client;
        this.request = request;
        this.id = ResponsesMapping.newId("resp");
        this.createdAt = createdAt;
        this.store = request.store() ? store : Optional.empty();
        this.keyId = keyId;
        this.stream = new ResponsesStream(request, id, createdAt);
        this.notes = List.copyOf(notes);
    }

    /** The answer's facts with this mapping's notes before the translation's. */
    private ServedBy noted(ServedBy servedBy) {
        if (notes.isEmpty()) {
            return servedBy;
        }
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(servedBy.notes());
        return new ServedBy(servedBy.deploymentId(), servedBy.reason(), servedBy.overheadNanos(), all);
    }

    @Override
    public boolean respond(ServedBy servedBy, byte[] json) {
        JsonNode chat = Json.parseOrNull(json);
        ObjectNode response = ResponsesObjects.fromChat(chat == null ? Json.object() : chat, request, id, createdAt);
        save(response);
        return client.respond(noted(servedBy), Json.bytes(response));
    }

    @Override
    public boolean send(ServedBy servedBy, SseEvent event) {
        lastServedBy = noted(servedBy);
        return sendAll(lastServedBy, stream.translate(event));
    }

    private boolean sendAll(ServedBy servedBy, List<SseEvent> events) {
        for (SseEvent out : events) {
            if (!client.send(servedBy, out)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void rateLimits(RateLimitStatus status) {
        client.rateLimits(status);
    }

    @Override
    public void endStream() {
        List<SseEvent> closing = stream.finish();
        save(stream.response());
        if (lastServedBy != null && !sendAll(lastServedBy, closing)) {
            return;
        }
        client.endStream();
    }

    @Override
    public void breakStream(Failure failure) {
        String code = failure instanceof Failure.Upstream upstream && upstream.errorClass() == ErrorClass.RATE_LIMITED
                ? "rate_limit_exceeded" : "server_error";
        if (lastServedBy != null) {
            sendAll(lastServedBy, stream.fail(code, failure.message()));
        }
        client.breakStream(failure);
    }

    private void save(ObjectNode response) {
        if (store.isEmpty()) {
            return;
        }
        ArrayNode items = Json.MAPPER.createArrayNode();
        request.input().forEach(item -> items.add(ResponsesObjects.itemJson(item)));
        try {
            store.get().save(keyId, new ResponseStore.Stored(id, request.previousResponseId(), items, response));
        } catch (SQLException e) {
            LOG.warn("response {} was answered but could not be stored (previous_response_id will not find it): {}",
                    id, e.getMessage());
        }
    }
}
