package dev.gapwise.ui.page;

import dev.gapwise.ui.Viewer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One page view: who asks, the query parameters (first value of each) and the time.
 */
public record PageRequest(Viewer viewer, String path, Map<String, String> query, Instant now) {
    public PageRequest {
        query = Map.copyOf(query);
    }

    /** A parameter, blank treated as absent. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The key a key holder is limited to; empty for an admin. */
    public Optional<String> ownKey() {
        return switch (viewer) {
            case Viewer.Admin ignored -> Optional.empty();
            case Viewer.KeyHolder holder -> Optional.of(holder.keyId());
        };
    }

    /** The number of days to show: 1 to 366, default 30; anything else is a 400. */
    public int days() {
        Optional<String> days = param("days");
        if (days.isEmpty()) {
            return 30;
        }
        try {
            int value = Integer.parseInt(days.get());
            if (value >= 1 && value <= 366) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadRequest("days must be a whole number from 1 to 366, not '" + days.get() + "'");
    }

    /** A parameter the page cannot use: answered with a 400 page naming it. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }
}
