package io.debrief.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.debrief.testsupport.PostgresServer;

/**
 * PostgreSQL's own rate for a scorecard submission's transaction, without the service: scorecard-service's schema
 * (its Flyway scripts, applied to a scratch database) and the statements a submission runs — insert the version,
 * point the panel member at it, insert the outbox event — from 16 JDBC clients.
 */
final class PostgresCeiling {

    private static final int CLIENTS = 16;
    private static final String PAYLOAD = "{\"loopId\":\"%s\",\"scorecardId\":\"%s\",\"interviewerId\":\"bench\",\"stage\":"
            + "\"TECHNICAL_SCREEN\",\"version\":%d,\"scores\":{\"CONTAINERIZATION\":4,\"ORCHESTRATION\":4},\"redFlags\":[],"
            + "\"greenFlags\":[\"PRODUCTION_EXPERIENCE\"],\"recommendation\":\"YES\",\"submittedAt\":\"2026-11-26T00:00:00Z\"}";

    private PostgresCeiling() {
    }

    static double insertPlusOutbox(Bench bench) throws Exception {
        PostgresServer postgres = bench.stack().postgres();
        String database = "bench_ceiling_" + System.currentTimeMillis();
        postgres.ensureDatabase(database);
        String url = postgres.jdbcUrl(database);
        requireDurableCommits(url, postgres);
        applyMigrations(bench.root().resolve("scorecard-service/src/main/resources/db/migration"), url, postgres);

        long seconds = bench.options().quick() ? 5 : 15;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (int c = 0; c < CLIENTS; c++) {
                counts.add(clients.submit(() -> submitUntil(deadline, url, postgres)));
            }
            long transactions = 0;
            for (Future<Long> count : counts) {
                transactions += count.get();
            }
            return transactions / (double) seconds;
        } finally {
            clients.shutdownNow();
        }
    }

    /** The ceiling counts commits as the services get them: on disk before they are acknowledged. */
    private static void requireDurableCommits(String url, PostgresServer postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement show = connection.createStatement()) {
            for (String setting : List.of("synchronous_commit", "fsync")) {
                try (var rows = show.executeQuery("SHOW " + setting)) {
                    rows.next();
                    if (!"on".equals(rows.getString(1))) {
                        throw new IllegalStateException("PostgreSQL runs with " + setting + "=" + rows.getString(1)
                                + "; the ceiling must be measured with durable commits, as the services run");
                    }
                }
            }
        }
    }

    private static long submitUntil(long deadline, String url, PostgresServer postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
            UUID loop = UUID.randomUUID();
            try (Statement setup = connection.createStatement()) {
                setup.execute("INSERT INTO hiring_loop VALUES ('" + loop + "', 'c', 'name', 'MLOps Engineer', 'MID', 'OPEN', now(), null)");
                setup.execute("INSERT INTO panel_member (loop_id, interviewer_id, seat, stage) VALUES ('" + loop
                        + "', 'bench', 0, 'TECHNICAL_SCREEN')");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement version = connection.prepareStatement("INSERT INTO scorecard_version (loop_id, interviewer_id, "
                    + "version, scorecard_id, stage, scores, evidence, red_flags, green_flags, recommendation, notes, submitted_at) "
                    + "VALUES (?, 'bench', ?, ?, 'TECHNICAL_SCREEN', ?::jsonb, '{}'::jsonb, '[]'::jsonb, "
                    + "'[\"PRODUCTION_EXPERIENCE\"]'::jsonb, 'YES', 'notes', ?)");
                 PreparedStatement panel = connection.prepareStatement(
                         "UPDATE panel_member SET scorecard_id = ?, latest_version = ? WHERE loop_id = ? AND interviewer_id = 'bench'");
                 PreparedStatement outbox = connection.prepareStatement("INSERT INTO outbox_event (id, aggregatetype, aggregateid, "
                         + "type, payload, \"timestamp\") VALUES (?, 'loop', ?, 'hiring.scorecard.submitted.v1', ?::jsonb, ?)")) {
                long done = 0;
                while (System.nanoTime() < deadline) {
                    int next = (int) done + 1;
                    UUID scorecard = UUID.randomUUID();
                    Timestamp now = Timestamp.from(Instant.now());
                    version.setObject(1, loop);
                    version.setInt(2, next);
                    version.setObject(3, scorecard);
                    version.setString(4, "{\"CONTAINERIZATION\":4,\"ORCHESTRATION\":4}");
                    version.setTimestamp(5, now);
                    version.executeUpdate();
                    panel.setObject(1, scorecard);
                    panel.setInt(2, next);
                    panel.setObject(3, loop);
                    panel.executeUpdate();
                    outbox.setObject(1, UUID.randomUUID());
                    outbox.setString(2, loop.toString());
                    outbox.setString(3, String.format(PAYLOAD, loop, scorecard, next));
                    outbox.setTimestamp(4, now);
                    outbox.executeUpdate();
                    connection.commit();
                    done++;
                }
                return done;
            }
        }
    }

    static void applyMigrations(Path folder, String url, PostgresServer postgres) throws IOException, SQLException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(folder)) {
            scripts = files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(versionOf(a), versionOf(b))).toList();
        }
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            for (Path script : scripts) {
                statement.execute(Files.readString(script));
            }
        }
    }

    private static int versionOf(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
