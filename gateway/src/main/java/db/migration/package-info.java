/**
 * Flyway migrations written in Java, for the few that differ between SQLite and PostgreSQL (triggers); the plain
 * SQL ones are resources under {@code db/migration}. Flyway finds both in the same location.
 */
package db.migration;
