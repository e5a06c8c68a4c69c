/**
 * The gateway's database: embedded SQLite by default (WAL journal), PostgreSQL by JDBC URL, both with the same
 * Flyway migrations under {@code db/migration}.
 */
package dev.gapwise.gateway.store;
