package io.debrief.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.debrief.stack.client.PostgresDatabases;
import org.postgresql.PGConnection;

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

    /**
     * Every row of every table of {@code database} (all schemas but the catalogs), as {@code COPY ... TO STDOUT}
     * writes it, each table under a {@code -- table schema.name} line: the data a {@code pg_dump} would hold, read
     * with the same JDBC driver the tests already have, so no client binary of a matching version is needed. In COPY's
     * text format bytea is hex ({@code \\x...}) and jsonb is its text, so a search of this dump must also look for
     * the hex of what it seeks.
     */
    public byte[] dump(String database) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), username, password)) {
            List<String> tables = new ArrayList<>();
            try (Statement list = connection.createStatement();
                 ResultSet rows = list.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)"
                         + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                         + " AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                out.write(("-- table " + table + "\n").getBytes(StandardCharsets.UTF_8));
                copy.copyOut("COPY (SELECT * FROM " + table + ") TO STDOUT", out); // a partitioned table has no COPY of its own
            }
            return out.toByteArray();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump database " + database, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
