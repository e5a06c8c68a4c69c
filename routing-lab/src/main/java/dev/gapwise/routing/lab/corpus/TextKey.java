package dev.gapwise.routing.lab.corpus;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key two texts share when they are the same request: NFKC, lower case, every run of characters that are not
 * letters or digits collapsed to one space. Used to deduplicate across files and to split by text. Stateless.
 */
public final class TextKey {
    private TextKey() {
    }

    /** The normalised key of a text. */
    public static String of(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(normal.length());
        boolean gap = false;
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && !key.isEmpty()) {
                    key.append(' ');
                }
                key.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return key.toString();
    }
}
