package dev.gapwise.gateway.hardening;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.keys.VirtualKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, case 9: {@code /metrics} (spend by deployment), {@code /v1/models} and {@code /readyz} answered without a
 * key while keys existed. Once keys are in use, /metrics needs the admin key and the others any active key,
 * unless {@code endpoint_access} opens them.
 */
class AdminEndpointsTest {
    @TempDir
    Path dir;

    @Test
    void onceKeysExistMetricsNeedsTheAdminKeyAndModelsAndReadyzNeedAKey() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, "admin_key: ${FAKE_ANTHROPIC_KEY}")) {
            assertThat(gw.get("/metrics").statusCode()).as("no key exists yet: open").isEqualTo(200);
            VirtualKeys.Created key = new VirtualKeys(gw.gateway.database(), AuthMode.AUTO, InstantSource.system())
                    .create("app", Optional.empty());
            awaitKeysInUse(gw);

            assertThat(gw.get("/metrics").statusCode()).isEqualTo(401);
            assertThat(gw.get("/metrics", "Authorization", "Bearer " + key.key()).statusCode()).isEqualTo(403);
            assertThat(gw.get("/metrics", "Authorization", "Bearer " + TestGateway.ANTHROPIC_KEY).statusCode())
                    .isEqualTo(200);
            assertThat(gw.get("/v1/models").statusCode()).isEqualTo(401);
            assertThat(gw.get("/v1/models", "anthropic-version", "2023-06-01").body()).contains("authentication_error");
            assertThat(gw.get("/v1/models", "Authorization", "Bearer " + key.key()).statusCode()).isEqualTo(200);
            assertThat(gw.get("/readyz").statusCode()).isEqualTo(401);
            assertThat(gw.get("/readyz", "x-api-key", key.key()).statusCode()).isEqualTo(200);
            assertThat(gw.get("/healthz").statusCode()).as("liveness stays open").isEqualTo(200);
            assertThat(gw.get("/metrics").body()).doesNotContain(TestGateway.ANTHROPIC_KEY);
        }
    }

    @Test
    void endpointAccessOpensReadyzForProbesThatSendNoKey() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, "endpoint_access: {readyz: open, metrics: key}")) {
            VirtualKeys.Created key = new VirtualKeys(gw.gateway.database(), AuthMode.AUTO, InstantSource.system())
                    .create("app", Optional.empty());
            awaitKeysInUse(gw);

            assertThat(gw.get("/readyz").statusCode()).isEqualTo(200);
            assertThat(gw.get("/metrics", "Authorization", "Bearer " + key.key()).statusCode()).isEqualTo(200);
        }
    }

    private static void awaitKeysInUse(TestGateway gw) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (gw.get("/v1/models").statusCode() == 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }
}
