package dev.gapwise.cli;

import dev.gapwise.gateway.keys.KeyRecord;
import dev.gapwise.gateway.spend.AllowanceStore;
import dev.gapwise.gateway.spend.Scope;
import dev.gapwise.gateway.spend.SpendSpecs;
import dev.gapwise.gateway.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code gapwise teams create|update|add|remove|delete|list}: named groups of keys that share budgets and limits. */
@Command(name = "teams", mixinStandardHelpOptions = true,
        description = {"Manages teams: named groups of keys whose spend and traffic count together against the",
                "team's budgets and rate limits (each key's own apply as well). A key is in at most one team."},
        subcommands = {TeamsCommand.Create.class, TeamsCommand.Update.class, TeamsCommand.Add.class,
                TeamsCommand.Remove.class, TeamsCommand.Delete.class, TeamsCommand.ListTeams.class})
final class TeamsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static AllowanceStore store(Database database) {
        return new AllowanceStore(database, InstantSource.system());
    }

    private static void requireTeam(AllowanceStore store, String team) throws SQLException {
        if (!store.load().teams().contains(team)) {
            throw new UserException("no team named '" + team + "' (see: gapwise teams list)");
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a team, with budgets and limits.")
    static final class Create implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        SpendOptions spend;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            if (name.isBlank() || name.length() > 200) {
                throw new UserException("the team name must be 1 to 200 characters");
            }
            spend.check();
            try (Database database = config.openDatabase()) {
                AllowanceStore store = store(database);
                if (!store.createTeam(name.strip())) {
                    throw new UserException("a team named '" + name + "' exists; change it with gapwise teams update");
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("created team " + name.strip());
                spend.apply(store, Scope.TEAM, name.strip(), config.load(), out);
            } catch (SQLException e) {
                throw new UserException("cannot create the team: " + e.getMessage());
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Sets or removes a team's budgets and limits.")
    static final class Update implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        SpendOptions spend;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            try (Database database = config.openDatabase()) {
                AllowanceStore store = store(database);
                requireTeam(store, name);
                spend.apply(store, Scope.TEAM, name, config.load(), spec.commandLine().getOut());
            } catch (SQLException e) {
                throw new UserException("cannot update the team: " + e.getMessage());
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Puts keys (by id or name) in a team.")
    static final class Add implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Parameters(index = "0", paramLabel = "TEAM")
        String team;

        @Parameters(index = "1..*", paramLabel = "KEY")
        List<String> keys;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            try (Database database = config.openDatabase()) {
                AllowanceStore store = store(database);
                requireTeam(store, team);
                for (String key : keys) {
                    KeyRecord record = SpendOptions.key(KeysCommand.keys(database, config), key);
                    store.join(team, record.id());
                    spec.commandLine().getOut().println(record.name() + " (" + record.id() + ") is in team " + team);
                }
            } catch (SQLException e) {
                throw new UserException("cannot add to the team: " + e.getMessage());
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Takes keys out of their team.")
    static final class Remove implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Parameters(paramLabel = "KEY")
        List<String> keys;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            try (Database database = config.openDatabase()) {
                AllowanceStore store = store(database);
                for (String key : keys) {
                    KeyRecord record = SpendOptions.key(KeysCommand.keys(database, config), key);
                    spec.commandLine().getOut().println(record.name() + (store.leave(record.id())
                            ? " left its team" : " was in no team"));
                }
            } catch (SQLException e) {
                throw new UserException("cannot remove from the team: " + e.getMessage());
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Deletes a team with its budgets and limits; its keys stay, in no team.")
    static final class Delete implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            try (Database database = config.openDatabase()) {
                if (!store(database).deleteTeam(name)) {
                    throw new UserException("no team named '" + name + "' (see: gapwise teams list)");
                }
                spec.commandLine().getOut().println("deleted team " + name);
            } catch (SQLException e) {
                throw new UserException("cannot delete the team: " + e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists teams with their keys, budgets and limits.")
    static final class ListTeams implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            try (Database database = config.openDatabase()) {
                AllowanceStore.Stored stored = store(database).load();
                PrintWriter out = spec.commandLine().getOut();
                if (stored.teams().isEmpty()) {
                    out.println("No team yet: gapwise teams create NAME --budget 500/month");
                    return;
                }
                Map<String, String> names = KeysCommand.keys(database, config).list().stream()
                        .collect(Collectors.toMap(KeyRecord::id, KeyRecord::name, (a, b) -> a));
                for (String team : stored.teams()) {
                    out.println(team);
                    out.println("  keys:    " + stored.members().entrySet().stream().filter(e -> e.getValue().equals(team))
                            .map(e -> names.getOrDefault(e.getKey(), e.getKey())).sorted().collect(Collectors.joining(", ")));
                    out.println("  budgets: " + stored.budgets().stream().filter(b -> b.scope() == Scope.TEAM
                            && b.subject().equals(team)).map(SpendSpecs::budget).collect(Collectors.joining(", ")));
                    out.println("  limits:  " + stored.limits().stream().filter(l -> l.scope() == Scope.TEAM
                            && l.subject().equals(team)).map(l -> l.describe()).collect(Collectors.joining(", ")));
                }
            } catch (SQLException e) {
                throw new UserException("cannot list teams: " + e.getMessage());
            }
        }
    }
}
