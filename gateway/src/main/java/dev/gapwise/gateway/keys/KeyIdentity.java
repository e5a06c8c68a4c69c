package dev.gapwise.gateway.keys;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a valid key belongs to; never holds the key itself.
 *
 * @param id   stable key id, written to the ledger
 * @param name the name given at creation
 * @param tier      the risk tier of its requests, if set: a floor they may be raised above
 * @param tierFixed whether that tier is final (its owner vouches for its traffic)
 */
public record KeyIdentity(String id, String name, Optional<String> tier, boolean tierFixed) {
    public KeyIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
    }
}
