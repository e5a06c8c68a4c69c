package dev.gapwise.gateway.text;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log event's message on one line: every run of carriage returns and line feeds becomes {@code " | "}, so no
 * message can start a log line of its own. It replaces logback's {@code %replace(%msg){'[\r\n]+', ' | '}}, which
 * runs a regular expression over every line the gateway logs (one access-log line per request); a message without
 * a line break, nearly all of them, is returned as it is. Thread-safe.
 */
public final class OneLineMessage extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return oneLine(event.getFormattedMessage());
    }

    /** {@code message} with each run of {@code \r} and {@code \n} replaced by {@code " | "}; null stays null. */
    public static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        int first = firstBreak(message);
        if (first < 0) {
            return message;
        }
        StringBuilder line = new StringBuilder(message.length() + 8).append(message, 0, first);
        boolean inBreak = false;
        for (int i = first; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\r' || c == '\n') {
                if (!inBreak) {
                    line.append(" | ");
                    inBreak = true;
                }
            } else {
                line.append(c);
                inBreak = false;
            }
        }
        return line.toString();
    }

    private static int firstBreak(String message) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\r' || c == '\n') {
                return i;
            }
        }
        return -1;
    }
}
