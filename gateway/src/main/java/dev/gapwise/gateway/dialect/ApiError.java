package dev.gapwise.gateway.dialect;

import tools.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.Optional;

/**
 * An error to write in the caller's dialect: the status and the type names each dialect family uses for it.
 *
 * @param status        HTTP status
 * @param openAiType    OpenAI's {@code error.type} ({@code invalid_request_error} …)
 * @param openAiCode    OpenAI's {@code error.code}, when there is one
 * @param anthropicType Anthropic's {@code error.type} ({@code not_found_error} …)
 * @param message       the message (never contains a key)
 * @param fields        structured fields added to the error object (a spent budget's), when any
 */
public record ApiError(int status, String openAiType, Optional<String> openAiCode, String anthropicType,
                       String message, Optional<ObjectNode> fields) {
    public ApiError {
        Objects.requireNonNull(openAiType, "openAiType");
        Objects.requireNonNull(openAiCode, "openAiCode");
        Objects.requireNonNull(anthropicType, "anthropicType");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fields, "fields");
    }
}
