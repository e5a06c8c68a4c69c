package dev.gapwise.gateway.call;

import java.util.Optional;

/**
 * Budgets and rate limits at the call loop: before each attempt is sent, its worst case is reserved against every
 * budget and its request and tokens taken from every rate limit that applies, or it is stopped. The attempt's
 * reservation is settled when the attempt reaches the {@link AttemptSink}; whatever a call still holds when it ends
 * (a bug, an exception) is released by {@link Tab#close}. Implementations are thread-safe; a tab is used by its
 * call's thread.
 */
public interface AttemptGate {
    /** A gate that lets everything through (no budgets, no limits). */
    AttemptGate OPEN = request -> new Tab() {
        @Override
        public Verdict admit(Target target, int attempt) {
            return new Verdict.Go(RateLimitStatus.NONE);
        }

        @Override
        public void close() {
        }
    };

    /** Opens the call's tab. */
    Tab open(CallRequest request);

    /** One call's admissions. */
    interface Tab extends AutoCloseable {
        /** Decides attempt number {@code attempt} on {@code target}. */
        Verdict admit(Target target, int attempt);

        /** Releases every reservation of the call not settled yet. */
        @Override
        void close();
    }

    /** Whether an attempt may be sent. */
    sealed interface Verdict {
        /** Send it; {@code limits} is what the answer's rate-limit headers say. */
        record Go(RateLimitStatus limits) implements Verdict {
        }

        /**
         * Do not send it: {@code failure} says why. With {@code tryNext} another candidate may still fit (a limit or
         * budget of this deployment only, a dearer worst case, no price); else the request ends with the failure.
         */
        record Stop(Failure failure, boolean tryNext, Optional<RateLimitStatus> limits) implements Verdict {
        }
    }
}
