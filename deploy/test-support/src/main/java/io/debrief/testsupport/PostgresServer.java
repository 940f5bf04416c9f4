package io.debrief.testsupport;

import io.debrief.stack.client.PostgresDatabases;

/** A running PostgreSQL server as a client sees it; hands out one database per service, creating it when missing. */
public record PostgresServer(String host, int port, String username, String password) {

    public String jdbcUrl(String database) {
        return PostgresDatabases.jdbcUrl(host, port, database);
    }

    public String reactiveUrl(String database) {
        return PostgresDatabases.reactiveUrl(host, port, database);
    }

    /** Creates the database if it does not exist yet. */
    public void ensureDatabase(String database) {
        PostgresDatabases.ensure(host, port, username, password, database);
    }
}
