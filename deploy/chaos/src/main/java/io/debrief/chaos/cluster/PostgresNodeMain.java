package io.debrief.chaos.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.debrief.stack.Postgres;

/**
 * PostgreSQL started by deploy/local-stack's {@link Postgres} from a JVM of its own; writes the postmaster's PID to
 * the ready file, so that the suite can kill -9 the server itself. Arguments:
 * {@code PORT DATA_DIR READY_FILE SYNCHRONOUS_COMMIT DATABASE,...}.
 *
 * <p>{@code Postgres} starts the server with {@code synchronous_commit=on} on its command line; a per-database
 * setting ({@code ALTER DATABASE ... SET}) overrides the command line for every new session, which is how the suite
 * runs the same binaries with {@code off} to show what a lost commit looks like.
 */
public final class PostgresNodeMain {

    private PostgresNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        Path readyFile = Path.of(args[2]);
        String synchronousCommit = args[3];
        if (!List.of("on", "off", "local", "remote_write", "remote_apply").contains(synchronousCommit)) {
            throw new IllegalArgumentException("not a synchronous_commit value: " + synchronousCommit);
        }
        List<String> databases = List.of(args[4].split(","));
        ParentWatch.exitWhenStandardInputCloses();
        Postgres postgres = Postgres.start(port, dataDir, false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            stopped.countDown();
        }, "postgres-node-shutdown"));
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                postgres.ensureDatabase(database);
                statement.execute("ALTER DATABASE " + database + " SET synchronous_commit TO " + synchronousCommit);
            }
        }
        String postmasterPid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
        Files.writeString(readyFile, postmasterPid);
        stopped.await();
    }
}
