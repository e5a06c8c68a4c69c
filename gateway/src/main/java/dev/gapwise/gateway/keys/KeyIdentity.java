package dev.gapwise.gateway.keys;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a valid key belongs to; never holds the key itself.
 *
 * @param id   stable key id, written to the ledger
 * @param name the name given at creation
 * @param tier the default risk tier of its requests, if set
 */
public record KeyIdentity(String id, String name, Optional<String> tier) {
    public KeyIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
    }
}
