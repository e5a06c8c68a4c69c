package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.dialect.IngressRequest;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.dialect.responses.ResponseStore;
import dev.gapwise.gateway.dialect.responses.ResponsesChannel;
import dev.gapwise.gateway.dialect.responses.ResponsesMapping;
import dev.gapwise.gateway.dialect.responses.ResponsesIngress;
import dev.gapwise.gateway.dialect.responses.ResponsesWire;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/responses} on the chat path: the body is checked ({@link ResponsesIngress}), the stored turns its
 * {@code previous_response_id} names are read back (a missing, expired or other key's id is a 404, never a
 * conversation silently cut short), and the turn becomes a chat request; the answer goes out through a {@link
 * ResponsesChannel}. {@code reasoning.effort} and reasoning items have no carrier on this path: they are dropped
 * and named in the answer's {@code x-gapwise-translation} header, beside the translation's own notes. Thread-safe.
 */
final class ResponsesFront implements Front {
    private final Optional<ResponseStore> store;
    private final InstantSource clock;

    ResponsesFront(Optional<ResponseStore> store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Parsed parse(IngressJson json, WireDialect dialect, byte[] body, Optional<String> keyId, String path) {
        JsonNode tree;
        try {
            tree = json.tree(body);
        } catch (JacksonException e) {
            return new Parsed.Bad(RequestParser.notJson(e));
        }
        if (tree == null || !tree.isObject()) {
            return new Parsed.Bad(new Failure.BadRequest("request body must be a JSON object"));
        }
        ResponsesWire.Request request;
        switch (ResponsesIngress.parse((ObjectNode) tree)) {
            case ResponsesIngress.Parsed.Bad bad -> {
                return new Parsed.Bad(new Failure.BadRequest(bad.message()));
            }
            case ResponsesIngress.Parsed.Ok ok -> request = ok.request();
        }
        String owner = keyId.orElse("");
        List<ResponsesWire.Item> history = List.of();
        if (request.previousResponseId().isPresent()) {
            if (store.isEmpty()) {
                return new Parsed.Bad(new Failure.BadRequest("'previous_response_id' needs stored responses, and "
                        + "this gateway keeps none"));
            }
            switch (store.get().history(owner, request.previousResponseId().get())) {
                case ResponseStore.History.Found found -> history = found.items();
                case ResponseStore.History.Missing missing -> {
                    return new Parsed.Bad(new Failure.NotFound("previous response '" + missing.id() + "' not found: "
                            + "it was never stored, has expired or was deleted, or belongs to another key"));
                }
                case ResponseStore.History.Unavailable unavailable -> {
                    return new Parsed.Bad(new Failure.Protocol(503, unavailable.message()));
                }
            }
        }
        ObjectNode chat = ResponsesMapping.chatRequest(request, history);
        IngressRequest parsed = new IngressRequest(chat, request.model(), request.stream(), true,
                !request.tools().isEmpty());
        List<String> notes = new ArrayList<>();
        request.reasoningEffort().ifPresent(effort -> notes.add("'reasoning.effort' " + effort
                + " dropped: the chat path has no reasoning setting"));
        if (java.util.stream.Stream.concat(history.stream(), request.input().stream())
                .anyMatch(item -> item instanceof ResponsesWire.Item.Reasoning)) {
            notes.add("reasoning items dropped: only the provider that wrote them can read them");
        }
        ResponsesWire.Request turn = request;
        return new Parsed.Ok(parsed, channel -> new ResponsesChannel(channel, turn, clock.instant().getEpochSecond(),
                store, owner, notes), java.util.Optional.empty());
    }
}
