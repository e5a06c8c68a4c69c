package dev.gapwise.routing.lab.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The deterministic split of EVALUATION.md §2: bucket = first 8 hex digits of SHA-256(id) as an integer
 * mod 10; buckets 0–5 train, 6–7 validation, 8–9 test.
 */
public enum Split {
    TRAIN, VALIDATION, TEST;

    /** The split an id falls into. */
    public static Split of(String id) {
        int bucket = bucket(id);
        return bucket <= 5 ? TRAIN : bucket <= 7 ? VALIDATION : TEST;
    }

    /** The bucket 0–9 of an id. */
    public static int bucket(String id) {
        return (int) (hash32(id) % 10);
    }

    /** The first 8 hex digits of SHA-256(id) as an unsigned integer; also a stable tie-breaker. */
    public static long hash32(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
                    | (digest[3] & 0xFFL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
