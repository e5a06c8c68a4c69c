package dev.gapwise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gapwise keys} and {@code gapwise ledger} against a configuration in a temporary folder. */
class GatewayCommandsTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path config() throws Exception {
        Path config = dir.resolve("gapwise.yaml");
        Files.writeString(config, "ledger:\n  url: jdbc:sqlite:" + dir.resolve("g.db") + "\n");
        return config;
    }

    @Test
    void createsListsAndRevokesKeysShowingEachKeyOnlyOnce() throws Exception {
        String config = config().toString();

        Run created = run("keys", "create", "--config", config, "--name", "team-a", "--tier", "critical");
        String key = created.out().lines().findFirst().orElseThrow();
        Run listed = run("keys", "list", "--config", config);
        Run revoked = run("keys", "revoke", "--config", config, "team-a");
        Run again = run("keys", "revoke", "--config", config, "team-a");

        assertThat(created.exit()).isZero();
        assertThat(key).startsWith("gw-").hasSize(51);
        assertThat(listed.out()).contains("team-a", "critical", "active").doesNotContain(key);
        assertThat(revoked.out()).contains("revoked 1 key");
        assertThat(again.exit()).isEqualTo(Main.USER_ERROR);
        assertThat(again.err()).startsWith("gapwise: no active key");
    }

    @Test
    void aKeyCannotDefaultToATierThePolicyDoesNotDefine() throws Exception {
        Run created = run("keys", "create", "--config", config().toString(), "--name", "x", "--tier", "platinum");

        assertThat(created.exit()).isEqualTo(Main.USER_ERROR);
        assertThat(created.err().strip()).isEqualTo("gapwise: --tier 'platinum' is not a tier of the policy; use one of "
                + "critical, elevated, routine (or define it under policy.tiers in gapwise.yaml)");
        assertThat(created.out()).isEmpty();
    }

    @Test
    void printsAnEmptyLedgerPlainly() throws Exception {
        Run ledger = run("ledger", "--config", config().toString());

        assertThat(ledger.exit()).isZero();
        assertThat(ledger.out()).contains("The ledger is empty");
    }

    @Test
    void reportsABadConfigurationInOneLine() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "server:\n  port: eighty\n");

        Run serve = run("serve", "--config", bad.toString());

        assertThat(serve.exit()).isEqualTo(Main.USER_ERROR);
        assertThat(serve.err().strip()).isEqualTo("gapwise: server.port: 'eighty' must be a whole number");
    }
}
