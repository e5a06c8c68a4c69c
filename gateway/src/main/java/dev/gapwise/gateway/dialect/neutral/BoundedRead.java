package dev.gapwise.gateway.dialect.neutral;

import java.io.IOException;
import java.io.InputStream;

/** Reads a whole HTTP body up to a limit, with one right-sized allocation when its length is declared. Stateless. */
public final class BoundedRead {
    private BoundedRead() {
    }

    /**
     * @param declared the Content-Length, or -1 when unknown (chunked)
     * @return the body, or null when it is longer than {@code limit}
     */
    public static byte[] read(InputStream in, long declared, int limit) throws IOException {
        if (declared > limit) {
            return null;
        }
        if (declared >= 0) {
            return in.readNBytes((int) declared);
        }
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }
}
