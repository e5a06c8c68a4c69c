package dev.gapwise.gateway.keys;

import java.util.Optional;

/**
 * A stored key, as {@code gapwise keys list} shows it.
 *
 * @param id        key id
 * @param name      name
 * @param tier      tier (a floor for its requests)
 * @param tierFixed whether the tier is final rather than a floor
 * @param createdAt ISO-8601 instant
 * @param revokedAt ISO-8601 instant, empty while active
 */
public record KeyRecord(String id, String name, Optional<String> tier, boolean tierFixed, String createdAt,
                        Optional<String> revokedAt) {
}
