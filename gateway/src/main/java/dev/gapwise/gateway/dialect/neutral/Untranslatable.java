package dev.gapwise.gateway.dialect.neutral;

/**
 * Thrown by a dialect's pure mapping functions when a request part has no equivalent on the other side; {@link
 * dev.gapwise.gateway.dialect.Translation#request} turns it into a refusal (a 400 naming the part) at its edge.
 */
public final class Untranslatable extends RuntimeException {
    /**
     * @param where the JSON path of the part ({@code messages[2].content[0]})
     * @param what  what has no equivalent, and what would
     */
    public Untranslatable(String where, String what) {
        super(where + ": " + what);
    }
}
