package dev.gapwise.gateway.privatelag;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data removed from exported text, by kind, each replaced by a mark such as {@code [EMAIL]}. Patterns, in
 * the order they run: e-mail addresses; IBANs (two letters, two digits, 11-30 more letters and digits, spaces
 * allowed); payment card numbers (13-19 digits, spaces or dashes allowed, that pass the Luhn check); IPv4 addresses;
 * phone numbers (an optional +, then at least 8 digits with spaces, dots, dashes or brackets between). Patterns find
 * what is shaped like these; names and addresses in free text are not found. Immutable and thread-safe.
 */
public enum PiiRedaction {
    EMAIL("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"),
    IBAN("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b"),
    CARD("(?<![\\w-])\\d(?:[ -]?\\d){12,18}(?![\\w-])"),
    IP("\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b"),
    PHONE("(?<![\\w+])\\+?\\(?\\d(?:[\\s().-]{0,2}\\d){7,14}(?![\\w])");

    private final Pattern pattern;

    PiiRedaction(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    /** The lower-case name used on the command line and in manifests. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code id}, e.g. {@code email}. */
    public static Optional<PiiRedaction> parse(String id) {
        for (PiiRedaction kind : values()) {
            if (kind.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** {@code text} with every kind in {@code kinds} replaced by its mark, in the order of this enum. */
    public static String apply(Collection<PiiRedaction> kinds, String text) {
        Set<PiiRedaction> chosen = kinds.isEmpty() ? EnumSet.noneOf(PiiRedaction.class) : EnumSet.copyOf(kinds);
        String out = text;
        for (PiiRedaction kind : chosen) {
            out = kind.replace(out);
        }
        return out;
    }

    private String replace(String text) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String found = matcher.group();
            boolean redact = this != CARD || luhn(found.replaceAll("[ -]", ""));
            matcher.appendReplacement(out, Matcher.quoteReplacement(redact ? "[" + name() + "]" : found));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
