package dev.gapwise.cli;

import dev.gapwise.gateway.keys.KeyRecord;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.spend.AllowanceStore;
import dev.gapwise.gateway.spend.Scope;
import dev.gapwise.gateway.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Optional;

/** {@code gapwise keys create|list|update|revoke}: virtual keys for the gateway's clients. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Manages the virtual keys clients send to the gateway ('Authorization: Bearer KEY' or",
                "'x-api-key: KEY'). Only a hash is stored; a key is shown once. Once any key exists, every",
                "request needs a valid one. A running gateway sees changes within two seconds."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class,
                KeysCommand.Update.class})
final class KeysCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static VirtualKeys keys(Database database, GatewayConfigOption config) {
        return new VirtualKeys(database, config.load().auth(), InstantSource.system());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a key and prints it once.")
    static final class Create implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who or what the key is for.")
        String name;

        @Option(names = "--tier", paramLabel = "TIER", description = {"The risk tier of its requests: a floor, which",
                "a request is raised above when the classifiers, a rule or a declared tier say so, never lowered."})
        String tier;

        @Option(names = "--tier-fixed", description = {"Make --tier final: every request of the key gets it, whatever",
                "the classifiers say (for traffic whose owner vouches for it, e.g. a batch job of templated emails)."})
        boolean tierFixed;

        @Option(names = "--admin", description = {"An admin key: it reads the whole dashboard at /ui (every key's",
                "spend); other keys see only their own."})
        boolean admin;

        @Mixin
        SpendOptions spend;

        @Option(names = "--team", paramLabel = "TEAM", description = "The team the key belongs to (gapwise teams create).")
        String team;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            if (name.isBlank()) {
                throw new UserException("--name must not be blank");
            }
            var policy = config.load().policy();
            if (tierFixed && tier == null) {
                throw new UserException("--tier-fixed needs --tier TIER (the tier every request of the key gets)");
            }
            if (tier != null && policy.tier(tier).isEmpty()) {
                throw new UserException("--tier '" + tier + "' is not a tier of the policy; use one of "
                        + String.join(", ", policy.tiers().keySet()) + " (or define it under policy.tiers in gapwise.yaml)");
            }
            spend.check();
            try (Database database = config.openDatabase()) {
                AllowanceStore allowances = new AllowanceStore(database, InstantSource.system());
                if (team != null && !allowances.load().teams().contains(team)) {
                    throw new UserException("--team '" + team + "': no such team (gapwise teams create " + team + ")");
                }
                VirtualKeys.Created created = keys(database, config).create(name.strip(), Optional.ofNullable(tier),
                        tierFixed);
                PrintWriter out = spec.commandLine().getOut();
                out.println(created.key());
                out.println("created " + created.record().id() + " (" + name + "); the key above is shown only once");
                if (admin) {
                    keys(database, config).makeAdmin(created.record().id());
                    out.println("an admin key: it reads the whole dashboard at /ui");
                }
                if (team != null) {
                    allowances.join(team, created.record().id());
                    out.println("in team " + team);
                }
                spend.apply(allowances, Scope.KEY, created.record().id(), config.load(), out);
            } catch (SQLException e) {
                throw new UserException("cannot create the key: " + e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists keys (never the keys themselves).")
    static final class ListKeys implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            try (Database database = config.openDatabase()) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-18s %-24s %-16s %-26s %s%n", "ID", "NAME", "TIER", "CREATED", "STATUS");
                for (KeyRecord key : keys(database, config).list()) {
                    out.printf("%-18s %-24s %-16s %-26s %s%n", key.id(), key.name(),
                            key.tier().map(t -> key.tierFixed() ? t + " (fixed)" : t + " (floor)").orElse("-"),
                            key.createdAt(), key.revokedAt().map(at -> "revoked " + at).orElse("active"));
                }
            } catch (SQLException e) {
                throw new UserException("cannot list keys: " + e.getMessage());
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Sets or removes a key's budgets and rate limits, and its team. A running gateway sees",
                    "the change within two seconds; a budget added mid-window counts the spend already in it."})
    static final class Update implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Parameters(paramLabel = "ID_OR_NAME")
        String key;

        @Mixin
        SpendOptions spend;

        @Option(names = "--team", paramLabel = "TEAM", description = "Moves the key to this team.")
        String team;

        @Option(names = "--no-team", description = "Takes the key out of its team.")
        boolean noTeam;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            try (Database database = config.openDatabase()) {
                KeyRecord record = SpendOptions.key(keys(database, config), key);
                AllowanceStore allowances = new AllowanceStore(database, InstantSource.system());
                PrintWriter out = spec.commandLine().getOut();
                if (team != null) {
                    if (!allowances.load().teams().contains(team)) {
                        throw new UserException("--team '" + team + "': no such team (gapwise teams create " + team + ")");
                    }
                    allowances.join(team, record.id());
                    out.println(record.name() + " is in team " + team);
                } else if (noTeam && allowances.leave(record.id())) {
                    out.println(record.name() + " is in no team");
                }
                spend.apply(allowances, Scope.KEY, record.id(), config.load(), out);
            } catch (SQLException e) {
                throw new UserException("cannot update the key: " + e.getMessage());
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a key by id or name.")
    static final class Revoke implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Parameters(paramLabel = "ID_OR_NAME")
        String key;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            try (Database database = config.openDatabase()) {
                int revoked = keys(database, config).revoke(key);
                if (revoked == 0) {
                    throw new UserException("no active key with id or name '" + key + "' (see: gapwise keys list)");
                }
                spec.commandLine().getOut().println("revoked " + revoked + " key" + (revoked == 1 ? "" : "s"));
            } catch (SQLException e) {
                throw new UserException("cannot revoke: " + e.getMessage());
            }
        }
    }
}
