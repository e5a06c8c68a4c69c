package dev.gapwise.gateway.call;

import java.util.List;

/** How a call ended. Each carries the attempts it made, in order. */
public sealed interface CallOutcome {
    List<Attempt> attempts();

    /** The response (or the whole stream) reached the client. */
    record Answered(List<Attempt> attempts) implements CallOutcome {
    }

    /** Nothing was sent to the client; the edge writes the error. */
    record Failed(Failure failure, List<Attempt> attempts) implements CallOutcome {
    }

    /** A stream had started and was ended with an error event (already written). */
    record Broken(Failure failure, List<Attempt> attempts) implements CallOutcome {
    }

    /** The client disconnected; the upstream call was cancelled. */
    record ClientGone(List<Attempt> attempts) implements CallOutcome {
    }
}
