package dev.gapwise.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Base of the test classes whose tests share one gateway and fake upstream; the fake is reset before each test. */
public abstract class SharedGatewayTest {
    @TempDir
    protected static Path dir;
    protected static TestGateway gw;

    @BeforeAll
    static void startGateway() {
        gw = TestGateway.start(dir);
    }

    @AfterAll
    static void stopGateway() {
        gw.close();
    }

    @BeforeEach
    void resetUpstream() {
        gw.upstream.reset();
    }
}
