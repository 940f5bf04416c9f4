package io.debrief.chaos.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.debrief.testsupport.Ports;
import io.debrief.testsupport.PostgresServer;

/**
 * PostgreSQL as a process the suite can kill -9 (the postmaster and every backend at once, as a crash would) and
 * start again on the same port and data directory, with the commit durability the run asks for.
 */
public final class PostgresNode {

    public static final List<String> DATABASES = List.of("scorecard", "calibration", "notification");

    private final Path workDir;
    private final int port;
    private final String synchronousCommit;
    private volatile NodeProcess helper;
    private volatile long postmasterPid;

    public PostgresNode(Path workDir, String synchronousCommit) {
        this.workDir = workDir;
        this.port = Ports.free();
        this.synchronousCommit = synchronousCommit;
    }

    public synchronized void start() throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        helper = NodeProcess.start(PostgresNodeMain.class.getName(),
                List.of(String.valueOf(port), workDir.resolve("data").toString(), workDir.resolve("ready").toString(),
                        synchronousCommit, String.join(",", DATABASES)),
                workDir, workDir.resolve("postgres.log"), workDir.resolve("ready"), Duration.ofSeconds(120));
        postmasterPid = Long.parseLong(helper.ready());
    }

    public PostgresServer server() {
        return new PostgresServer("127.0.0.1", port, "postgres", "postgres");
    }

    public long postmasterPid() {
        return postmasterPid;
    }

    /** kill -9 of the postmaster and its backends, then of the JVM that started it (it has nothing left to do). */
    public synchronized void kill() {
        Signals.killTree(postmasterPid);
        Signals.kill(helper.pid());
    }

    /** What a new session of each database runs with (the per-database setting wins over the command line). */
    public Map<String, String> effectiveSynchronousCommit() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String database : DATABASES) {
            try (Connection connection = DriverManager.getConnection(server().jdbcUrl(database), "postgres", "postgres");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SHOW synchronous_commit")) {
                rows.next();
                settings.put(database, rows.getString(1));
            } catch (SQLException e) {
                settings.put(database, "unknown: " + e.getMessage());
            }
        }
        return settings;
    }

    /** A clean stop; the postmaster is ended by PID if the helper could not stop it. */
    public synchronized void close() {
        if (helper != null && helper.alive()) {
            Signals.terminate(helper.pid(), 30);
        }
        if (postmasterPid > 0 && Signals.alive(postmasterPid)) {
            Signals.terminate(postmasterPid, 10);
        }
    }
}
