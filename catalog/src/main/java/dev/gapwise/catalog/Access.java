package dev.gapwise.catalog;

import java.util.Locale;
import java.util.Optional;

/** Whether a model's weights can be downloaded. */
public enum Access {
    OPEN,
    CLOSED,
    /** The source does not say; such models belong to neither group. */
    UNKNOWN;

    /** Parses {@code open} / {@code closed} (any case); empty when the text is neither. */
    public static Optional<Access> parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> Optional.of(OPEN);
            case "closed" -> Optional.of(CLOSED);
            case "unknown", "" -> Optional.of(UNKNOWN);
            default -> Optional.empty();
        };
    }

    /**
     * Maps Epoch AI's {@code Model accessibility} values: every "Open weights (…)" flavour is open;
     * "API access", "Hosted access (no API)" and "Unreleased" are closed; blank or anything else is unknown.
     */
    public static Access fromEpochAccessibility(String accessibility) {
        String value = accessibility.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("open weights")) {
            return OPEN;
        }
        if (value.equals("api access") || value.startsWith("hosted access") || value.equals("unreleased")) {
            return CLOSED;
        }
        return UNKNOWN;
    }

    /**
     * Maps an LMArena licence: "Proprietary" (and the one source row that spells it "Propretary") is
     * closed; any other licence is open.
     */
    public static Access fromArenaLicense(String license) {
        String value = license.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return UNKNOWN;
        }
        return value.equals("proprietary") || value.equals("propretary") ? CLOSED : OPEN;
    }
}
