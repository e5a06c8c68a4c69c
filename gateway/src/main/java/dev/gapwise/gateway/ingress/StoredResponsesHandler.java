package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.dialect.responses.ResponseStore;
import dev.gapwise.gateway.keys.AuthDecision;
import dev.gapwise.gateway.keys.KeyIdentity;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.text.CleanText;
import dev.gapwise.gateway.text.Redactor;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import tools.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code GET} and {@code DELETE /v1/responses/{id}} and {@code GET /v1/responses/{id}/input_items}: a key reads
 * and deletes only the responses it stored; any other id (missing, expired, deleted, another key's) is a 404 in
 * the Responses (OpenAI) error shape. Thread-safe.
 */
final class StoredResponsesHandler extends Handler.Abstract {
    private static final String PREFIX = "/v1/responses/";

    private final VirtualKeys keys;
    private final Optional<ResponseStore> store;

    StoredResponsesHandler(VirtualKeys keys, Optional<ResponseStore> store) {
        this.keys = keys;
        this.store = store;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpClientChannel channel = new HttpClientChannel(response, callback, Dialects.of(DialectKind.OPENAI), Redactor.shapesOnly());
        String owner;
        switch (keys.check(EndpointGuard.presentedKey(request))) {
            case AuthDecision.Denied denied -> {
                channel.fail(new Failure.Unauthorized(denied.message()));
                return true;
            }
            case AuthDecision.Unavailable unavailable -> {
                channel.fail(new Failure.KeysUnavailable(unavailable.message()));
                return true;
            }
            case AuthDecision.Allowed allowed -> owner = allowed.identity().map(KeyIdentity::id).orElse("");
        }
        String path = request.getHttpURI().getPath();
        String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        boolean inputItems = rest.endsWith("/input_items");
        String id = inputItems ? rest.substring(0, rest.length() - "/input_items".length()) : rest;
        if (id.isEmpty() || id.contains("/")) {
            channel.fail(new Failure.NotFound("no such endpoint: " + request.getMethod() + " " + CleanText.of(path, 200)));
            return true;
        }
        if (store.isEmpty()) {
            channel.fail(notFound(id));
            return true;
        }
        String method = request.getMethod();
        try {
            if (HttpMethod.GET.is(method)) {
                Optional<ResponseStore.Stored> stored = store.get().find(owner, id);
                if (stored.isEmpty()) {
                    channel.fail(notFound(id));
                } else {
                    Optional<String> badQuery = inputItems ? badQuery(request) : Optional.empty();
                    if (badQuery.isPresent()) {
                        channel.fail(new Failure.BadRequest(badQuery.get()));
                    } else {
                        ok(response, callback, inputItems ? page(request, stored.get()) : stored.get().response());
                    }
                }
            } else if (HttpMethod.DELETE.is(method) && !inputItems) {
                if (store.get().delete(owner, id)) {
                    ok(response, callback, Json.object().put("id", id).put("object", "response").put("deleted", true));
                } else {
                    channel.fail(notFound(id));
                }
            } else {
                channel.fail(new Failure.MethodNotAllowed("use " + (inputItems ? "GET" : "GET or DELETE") + " for "
                        + CleanText.of(path, 200)));
            }
        } catch (SQLException e) {
            channel.fail(new Failure.Protocol(503, "stored responses cannot be read: the database is unreachable"));
        }
        return true;
    }

    /** What is wrong with an {@code input_items} query, if anything. */
    private static Optional<String> badQuery(Request request) {
        Fields query = Request.extractQueryParameters(request);
        String limit = query.getValue("limit");
        if (limit != null && !limit.matches("\\d{1,3}") || limit != null && !(Integer.parseInt(limit) >= 1
                && Integer.parseInt(limit) <= 100)) {
            return Optional.of("'limit' must be a whole number from 1 to 100");
        }
        String order = query.getValue("order");
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            return Optional.of("'order' must be asc or desc");
        }
        return Optional.empty();
    }

    /** The page of input items the query asks for: {@code order} (asc, desc), {@code after}, {@code limit}. */
    private static ObjectNode page(Request request, ResponseStore.Stored stored) {
        Fields query = Request.extractQueryParameters(request);
        int limit = Integer.parseInt(Optional.ofNullable(query.getValue("limit")).orElse("20"));
        return ResponseStore.inputItemsPage(stored.inputItems(), "asc".equals(query.getValue("order")),
                Optional.ofNullable(query.getValue("after")), limit);
    }

    private static Failure notFound(String id) {
        return new Failure.NotFound("no stored response '" + CleanText.of(id, 100) + "' for this key: it was never "
                + "stored, has expired or was deleted, or belongs to another key");
    }

    private static void ok(Response response, Callback callback, ObjectNode body) {
        byte[] bytes = Json.bytes(body);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
