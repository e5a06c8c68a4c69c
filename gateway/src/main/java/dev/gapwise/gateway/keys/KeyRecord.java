package dev.gapwise.gateway.keys;

import java.util.Optional;

/**
 * A stored key, as {@code gapwise keys list} shows it.
 *
 * @param id        key id
 * @param name      name
 * @param tier      default tier
 * @param createdAt ISO-8601 instant
 * @param revokedAt ISO-8601 instant, empty while active
 */
public record KeyRecord(String id, String name, Optional<String> tier, String createdAt, Optional<String> revokedAt) {
}
