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
    void anAdminKeyIsMarkedForTheDashboard() throws Exception {
        String config = config().toString();

        Run admin = run("keys", "create", "--config", config, "--name", "ops", "--admin");
        Run plain = run("keys", "create", "--config", config, "--name", "app");

        assertThat(admin.exit()).isZero();
        assertThat(admin.out()).contains("an admin key: it reads the whole dashboard at /ui");
        assertThat(plain.out()).doesNotContain("admin key");
        try (var database = dev.gapwise.gateway.store.Database.open("jdbc:sqlite:" + dir.resolve("g.db"));
             var statement = database.connection().createStatement();
             var rs = statement.executeQuery("SELECT name, admin FROM virtual_keys ORDER BY name")) {
            rs.next();
            assertThat(rs.getString(1) + "=" + rs.getInt(2)).isEqualTo("app=0");
            rs.next();
            assertThat(rs.getString(1) + "=" + rs.getInt(2)).isEqualTo("ops=1");
        }
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
    void givesKeysAndTeamsBudgetsAndLimitsAndListsWhatIsLeft() throws Exception {
        String config = config().toString();

        Run team = run("teams", "create", "--config", config, "growth", "--budget", "500/month", "--limit",
                "requests=600/minute");
        Run key = run("keys", "create", "--config", config, "--name", "crm", "--team", "growth", "--budget", "50/month",
                "--budget", "5/day:soft", "--budget", "20/month@gpt-4o", "--time-zone", "Europe/Paris");
        Run update = run("keys", "update", "--config", config, "crm", "--budget", "60/month", "--remove-budget", "day",
                "--limit", "tokens=200000/minute");
        Run teams = run("teams", "list", "--config", config);
        Run budgets = run("budgets", "--config", config);

        assertThat(team.exit()).as(team.err()).isZero();
        assertThat(team.out()).contains("created team growth", "budget 500.00 USD per month (hard, windows in UTC)",
                "rate limit 600 requests per minute");
        assertThat(key.exit()).as(key.err()).isZero();
        assertThat(key.out()).contains("in team growth", "budget 5.00 USD per day (soft, windows in Europe/Paris)",
                "budget 20.00 USD per month on gpt-4o (hard");
        assertThat(update.out()).contains("removed the day budget", "budget 60.00 USD per month",
                "rate limit 200000 tokens per minute");
        assertThat(teams.out()).contains("growth", "keys:    crm", "budgets: 500.00/month", "600 requests per minute");
        assertThat(budgets.exit()).as(budgets.err()).isZero();
        assertThat(budgets.out()).contains("key   crm", "60.00", "20.00", "gpt-4o", "team  growth", "500.00",
                "(Europe/Paris)").doesNotContain("5.00/day");
        assertThat(budgets.out().lines().filter(l -> l.startsWith("key")).count()).isEqualTo(2);
    }

    @Test
    void refusesABudgetItCannotReadBeforeCreatingTheKey() throws Exception {
        String config = config().toString();

        Run bad = run("keys", "create", "--config", config, "--name", "x", "--budget", "fifty/month");
        Run listed = run("keys", "list", "--config", config);

        assertThat(bad.exit()).isEqualTo(Main.USER_ERROR);
        assertThat(bad.err()).contains("--budget 'fifty/month': write AMOUNT/PERIOD");
        assertThat(listed.out()).doesNotContain(" x ");
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
