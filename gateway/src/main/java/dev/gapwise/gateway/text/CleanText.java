package dev.gapwise.gateway.text;

/**
 * Makes text safe to store and print: control characters (NUL included), lone surrogates and non-characters
 * become U+FFFD, and text longer than a bound is cut (on a character boundary) and ends with "…". Pure.
 */
public final class CleanText {
    /** What replaces a character that cannot be stored. */
    public static final char REPLACEMENT = '\uFFFD';

    private CleanText() {
    }

    /** The cleaned text, at most {@code maxChars} characters long; null stays null. */
    public static String of(String raw, int maxChars) {
        if (raw == null) {
            return null;
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive");
        }
        if (raw.length() <= maxChars && clean(raw)) {
            return raw;
        }
        int keep = raw.length() <= maxChars ? raw.length() : maxChars - 1;
        if (keep > 0 && keep < raw.length() && Character.isHighSurrogate(raw.charAt(keep - 1))) {
            keep--;
        }
        StringBuilder out = new StringBuilder(keep + 1);
        for (int i = 0; i < keep; i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < keep && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else {
                out.append(storable(c) ? c : REPLACEMENT);
            }
        }
        if (keep < raw.length()) {
            out.append('…');
        }
        return out.toString();
    }

    private static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!storable(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean storable(char c) {
        return !Character.isISOControl(c) && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF'
                && c != '\u2028' && c != '\u2029';
    }
}
