package dev.gapwise.gateway.call;

/**
 * Every way a request can fail, as a value. The HTTP edge has one exhaustive {@code switch} over this type that
 * picks the status and writes the error body in the caller's dialect.
 */
public sealed interface Failure {
    /** A human-readable message; never contains a key. */
    String message();

    /** Malformed JSON, wrong types, missing fields, invalid UTF-8. */
    record BadRequest(String message) implements Failure {
    }

    /** A missing, unknown or revoked virtual key (never echoed back). */
    record Unauthorized(String message) implements Failure {
    }

    /** The path exists but not with this method. */
    record MethodNotAllowed(String message) implements Failure {
    }

    /** The path does not exist. */
    record NotFound(String message) implements Failure {
    }

    /** The client named a model no deployment serves. */
    record UnknownModel(String model) implements Failure {
        @Override
        public String message() {
            return "model '" + model + "' is not served by this gateway; GET /v1/models lists the models, "
                    + "or send \"auto\" to let the gateway choose";
        }
    }

    /** The body is larger than the configured limit. */
    record BodyTooLarge(int limitBytes) implements Failure {
        @Override
        public String message() {
            return "request body exceeds " + limitBytes + " bytes (server.max_body_bytes)";
        }
    }

    /** The policy does not let this request's tier use the model it asked for. */
    record NotAllowed(String message) implements Failure {
    }

    /** No deployment can be called at all. */
    record NoDeployment(String message) implements Failure {
    }

    /** Every candidate failed; {@code status} is the last upstream HTTP status, 0 if none. */
    record Upstream(ErrorClass errorClass, int status, String message) implements Failure {
    }

    /** A bug in the gateway. */
    record Internal(String message) implements Failure {
    }
}
