package dev.gapwise.gateway.ledger;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8, case 4: a second {@code gapwise serve} with the same configuration shared the pending file, and when one
 * stopped cleanly it truncated the other's rows. The pending file is now locked by the process that owns it.
 */
class PendingFileLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondGatewayOnTheSamePendingFileRefusesToStartNamingTheFile() {
        try (TestGateway first = TestGateway.start(dir)) {
            assertThatThrownBy(() -> TestGateway.start(dir))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("ledger.pending_file")
                    .hasMessageContaining(dir.resolve("ledger.db.pending").toString())
                    .hasMessageContaining("in use by another gapwise process");
            assertThat(first.post("/v1/chat/completions", TestGateway.openAiChat("auto", false)).statusCode())
                    .isEqualTo(200);
        }
        try (TestGateway again = TestGateway.start(dir)) {
            assertThat(again.get("/healthz").statusCode()).as("the lock is released at close").isEqualTo(200);
        }
    }
}
