package dev.gapwise.gateway.text;

/**
 * One value of a {@code key=value} log line: printed as is when it holds only plain characters, else quoted
 * with JSON escapes, so a value carrying a newline, a quote or {@code status=200} cannot forge a field or a
 * line. Pure.
 */
public final class LogValue {
    private static final int MAX_CHARS = 300;

    private LogValue() {
    }

    public static String of(String value) {
        if (value == null) {
            return "-";
        }
        String bounded = value.length() > MAX_CHARS ? value.substring(0, MAX_CHARS) + "…" : value;
        if (!bounded.isEmpty() && bounded.chars().allMatch(LogValue::plain)) {
            return bounded;
        }
        StringBuilder quoted = new StringBuilder(bounded.length() + 8).append('"');
        for (int i = 0; i < bounded.length(); i++) {
            char c = bounded.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean plain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '-' || c == '_' || c == ':' || c == '/' || c == '@' || c == '+';
    }
}
