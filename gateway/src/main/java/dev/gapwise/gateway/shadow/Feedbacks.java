package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.store.Database;

import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Where {@code POST /v1/gapwise/feedback} puts a user's verdict on a served answer: a score from 0 (the answer was
 * unusable) to 1 (it was right), which the private lag report counts as ground truth for that request. A key may
 * rate only its own requests. Thread-safe.
 */
public interface Feedbacks {
    /** No database: every feedback is refused as unavailable. */
    Feedbacks NONE = (requestId, keyId, score, comment) ->
            new Outcome.Unavailable("feedback needs the gateway's database, which this gateway does not have");

    /** How recording one feedback ended. */
    sealed interface Outcome {
        /** Stored (replacing an earlier feedback on the same request). */
        record Recorded() implements Outcome {
        }

        /** No request with this id (of this key) is in the ledger. */
        record UnknownRequest(String message) implements Outcome {
        }

        /** The database could not be reached. */
        record Unavailable(String message) implements Outcome {
        }
    }

    Outcome record(String requestId, Optional<String> keyId, double score, Optional<String> comment);

    /** Feedback stored in the gateway's database beside the ledger. */
    static Feedbacks in(Database database, InstantSource clock) {
        ShadowStore store = new ShadowStore(database);
        return (requestId, keyId, score, comment) -> {
            try {
                if (!store.requestExists(requestId, keyId)) {
                    return new Outcome.UnknownRequest("no request " + requestId + " in the ledger" + (keyId.isPresent()
                            ? " for this key" : "") + "; send the x-gapwise-request-id of an answered request (its "
                            + "ledger row may take a second to be written)");
                }
                store.feedback(requestId, clock.instant().toString(), keyId, score, comment);
                return new Outcome.Recorded();
            } catch (SQLException e) {
                return new Outcome.Unavailable("the database cannot be reached; retry shortly");
            }
        };
    }
}
