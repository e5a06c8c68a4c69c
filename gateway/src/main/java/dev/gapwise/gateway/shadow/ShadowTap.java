package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.call.CallOutcome;
import dev.gapwise.gateway.call.ClientChannel;

/**
 * The ingress's one hook into shadow evaluation: open a session for a routed request, pass the client channel
 * through it, and tell it how the call ended. Thread-safe; a session is used by its request's thread.
 */
public interface ShadowTap {
    /** Shadowing off: every session is a no-op. */
    ShadowTap NONE = facts -> Session.NONE;

    /** A session for one request: a no-op unless the request is sampled. Never blocks, never throws. */
    Session open(ShadowFacts facts);

    /** One request's view of the tap. */
    interface Session {
        /** Nothing to shadow. */
        Session NONE = new Session() {
            @Override
            public ClientChannel watch(ClientChannel client) {
                return client;
            }

            @Override
            public void finished(CallOutcome outcome) {
            }
        };

        /** The channel to hand to the call loop: the client's own, or one that also keeps a copy of the answer. */
        ClientChannel watch(ClientChannel client);

        /** The call ended; an answered call is handed to the shadow runner (queued, never run here). */
        void finished(CallOutcome outcome);
    }
}
