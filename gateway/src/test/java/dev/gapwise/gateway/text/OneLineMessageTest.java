package dev.gapwise.gateway.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class OneLineMessageTest {
    @Test
    void aMessageWithoutLineBreaksIsReturnedAsItIs() {
        String message = "request_id=abc endpoint=chat status=200";
        assertSame(message, OneLineMessage.oneLine(message));
        assertNull(OneLineMessage.oneLine(null));
    }

    @Test
    void everyRunOfLineBreaksBecomesOneSeparatorAsTheRegularExpressionDid() {
        String[] messages = {"a\nb", "a\r\nb", "\n\nlead", "trail\r", "x\n\r\ny\rz\n", "\r\n", "a\u2028b"};
        for (String message : messages) {
            assertEquals(message.replaceAll("[\r\n]+", " | "), OneLineMessage.oneLine(message), message);
        }
    }
}
