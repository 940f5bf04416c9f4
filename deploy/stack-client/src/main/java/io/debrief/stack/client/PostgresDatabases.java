package io.debrief.stack.client;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** A running PostgreSQL server as a client sees it: its URLs, and one database per service, created when missing. */
public final class PostgresDatabases {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private PostgresDatabases() {
    }

    public static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public static String reactiveUrl(String host, int port, String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Whether {@code name} is a plain lower-case identifier, safe to put into SQL as a database or setting name. */
    public static boolean isPlainName(String name) {
        return DATABASE_NAME.matcher(name).matches();
    }

    /** Creates the database if it does not exist yet (also when another JVM creates it at the same time). */
    public static void ensure(String host, int port, String username, String password, String database) {
        if (!isPlainName(database)) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(host, port, "postgres"), username, password);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently by another test JVM
            }
            throw new IllegalStateException("cannot create database " + database + " on " + host + ":" + port, e);
        }
    }
}
