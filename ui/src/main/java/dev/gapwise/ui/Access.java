package dev.gapwise.ui;

import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.keys.AuthDecision;
import dev.gapwise.gateway.keys.KeyIdentity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who may see the dashboard. A key arrives in the {@code gapwise_ui} cookie (set by the login form) or an {@code
 * Authorization: Bearer} header, never in a URL. The configured admin key and keys created with {@code --admin}
 * see everything; any other active key sees its own spend and budgets; while auth is off (no key exists yet, or
 * {@code auth: none}) only a browser on the loopback interface is let in, as admin. Stateless.
 */
final class Access {
    static final String COOKIE = "gapwise_ui";

    /** The outcome: a viewer, or a refusal with its status and message. */
    sealed interface Decision {
        record Let(Viewer viewer) implements Decision {
        }

        record Refuse(int status, String message) implements Decision {
        }
    }

    private final Gateway gateway;

    Access(Gateway gateway) {
        this.gateway = gateway;
    }

    Decision decide(Optional<String> presented, String remoteAddress) {
        if (presented.isPresent() && gateway.adminKey(presented.get())) {
            return new Decision.Let(new Viewer.Admin("admin key"));
        }
        AuthDecision decision = gateway.keys().check(presented.orElse(null));
        return switch (decision) {
            case AuthDecision.Allowed(Optional<KeyIdentity> identity) when identity.isPresent() ->
                    new Decision.Let(gateway.keys().admin(identity.get().id())
                            ? new Viewer.Admin("admin key " + identity.get().name())
                            : new Viewer.KeyHolder(identity.get().id(), identity.get().name()));
            case AuthDecision.Allowed ignored -> loopback(remoteAddress)
                    ? new Decision.Let(new Viewer.Admin("loopback, auth off"))
                    : new Decision.Refuse(403, "The dashboard is open only to this machine (127.0.0.1) while the "
                    + "gateway has no keys; create an admin key (gapwise keys create --name admin --admin) to open "
                    + "it to others.");
            case AuthDecision.Denied denied -> new Decision.Refuse(401, presented.isEmpty()
                    ? "Sign in with a gapwise key: an admin key sees everything, any other key its own spend."
                    : "That key is not an active gapwise key.");
            case AuthDecision.Unavailable unavailable -> new Decision.Refuse(503, unavailable.message());
        };
    }

    static boolean loopback(String address) {
        if (address == null) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
