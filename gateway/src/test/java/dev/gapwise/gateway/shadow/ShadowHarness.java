package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.FakeUpstream;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A test gateway (served by {@code cheap@fakeai} on one fake upstream) with a second fake upstream for the shadow
 * deployments: {@code shadow-frontier@shadowai} (US, $10/$30), {@code shadow-cn@shadowai} (CN) and
 * {@code judge@shadowai}, so a test can slow the shadows down without touching the client's upstream.
 */
final class ShadowHarness implements AutoCloseable {
    final FakeUpstream shadows = FakeUpstream.start();
    final TestGateway gateway;

    ShadowHarness(Path dir, String shadowYaml) {
        this(dir, shadowYaml, TestGateway.PERMISSIVE_POLICY);
    }

    ShadowHarness(Path dir, String shadowYaml, String policy) {
        String providers = """
                providers:
                  shadowai:
                    dialect: openai
                    base_url: %s
                    api_key: ${FAKE_OPENAI_KEY}
                """.formatted(shadows.baseUrl());
        String deployments = """
                deployments:
                  - id: shadow-frontier@shadowai
                    model: shadow-frontier
                    provider: shadowai
                    price: {input: 10.00, output: 30.00}
                    jurisdiction: US
                  - id: shadow-cn@shadowai
                    model: shadow-cn
                    provider: shadowai
                    price: {input: 1.00, output: 2.00}
                    jurisdiction: CN
                  - id: judge@shadowai
                    model: judge-model
                    provider: shadowai
                    price: {input: 1.00, output: 4.00}
                    jurisdiction: US
                """;
        gateway = TestGateway.start(dir, shadowYaml + "\n" + policy, yaml -> yaml
                .replaceFirst("(?m)^providers:\n", java.util.regex.Matcher.quoteReplacement(providers))
                .replaceFirst("(?m)^deployments:\n", java.util.regex.Matcher.quoteReplacement(deployments)));
    }

    ShadowRunner runner() {
        return gateway.gateway.shadow().orElseThrow();
    }

    /** Waits until the shadow runner has nothing running or queued for a moment. */
    void awaitShadows() {
        long before = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            ShadowRunner.Stats stats = runner().stats();
            long done = stats.rowsWritten() + stats.overBudget() + stats.dropped();
            if (stats.running() == 0 && done == before) {
                return;
            }
            before = done;
            sleep(150);
        }
    }

    static void await(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a query on the gateway's database, each as column → value. */
    List<Map<String, Object>> rows(String sql) {
        try (Connection connection = gateway.gateway.database().connection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        shadows.close();
    }
}
