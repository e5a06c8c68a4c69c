package dev.gapwise.gateway.ingress;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids: {@code req_} and 24 random hex digits (96 bits). Thread-safe. */
final class RequestIds {
    String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "req_" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextInt());
    }
}
