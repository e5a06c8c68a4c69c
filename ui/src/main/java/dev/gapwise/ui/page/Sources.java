package dev.gapwise.ui.page;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gateway.Gateway;
import dev.gapwise.routing.Router;
import dev.gapwise.routing.policy.Policy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Where the pages read from: the running gateway (its database, keys, deployments and budgets), the catalog the
 * gap figures come from, the routing policy (and a router over the callable deployments, to say what another
 * tier's rules would have chosen), and the clock. Thread-safe.
 */
public record Sources(Gateway gateway, Catalog catalog, Policy policy, Optional<Router> router, InstantSource clock,
                      GapFigures gap) {
    /** A connection for one page; each of its queries gives up after a few seconds. */
    public Connection connection() throws SQLException {
        return gateway.database().connection();
    }
}
