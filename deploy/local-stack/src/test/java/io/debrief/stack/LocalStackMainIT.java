package io.debrief.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.debrief.stack.client.Ports;

/** The local stack as the local run starts it, in a JVM of its own, killed the hard way. */
class LocalStackMainIT {

    @Test
    void aKilledStackTakesItsPostgresWithItAndStartsAgainOnTheSamePorts() throws Exception {
        FirstStack first = FirstStack.start("killed-stack");
        first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(PostgresTest.exits(first.postmaster(), Duration.ofSeconds(20)))
                .as("the stack's PostgreSQL (pid %d) stops when the stack's JVM dies", first.postmaster()).isTrue();

        stopCleanly(first.startAgain(), first.dataDir());
    }

    @Test
    void aStartStopsThePostgresAnEarlierStackLeftBehindAndNothingElse() throws Exception {
        FirstStack first = FirstStack.start("orphaned-stack");
        long postmaster = first.postmaster();
        // the worst case: the watchdog dies too (kill -9 of the whole process group, say), the postmaster stays
        first.process().children().forEach(ProcessHandle::destroyForcibly);
        first.process().destroyForcibly();
        assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1_000);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("an orphan").contains(true);
        Process bystander = new ProcessBuilder("sleep", "120").start();
        try {
            // what the local run saw before: "PostgreSQL port ... is already in use"
            stopCleanly(first.startAgain(), first.dataDir());
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(bystander.isAlive()).isTrue();
        } finally {
            bystander.destroyForcibly();
        }
    }

    /** A stack started on a fresh data directory and free ports, with the pid of its postmaster. */
    private record FirstStack(Path dataDir, int kafkaPort, int postgresPort, Process process, long postmaster) {

        static FirstStack start(String name) throws Exception {
            Path dataDir = freshDataDir(name);
            int kafkaPort = Ports.free();
            int postgresPort = Ports.free();
            Process process = LocalStackMainIT.start(dataDir, kafkaPort, postgresPort, "first");
            return new FirstStack(dataDir, kafkaPort, postgresPort, process,
                    PostgresTest.postmasterPid(dataDir.resolve("postgres")));
        }

        /** A second stack on the same data directory and ports. */
        Process startAgain() throws IOException, InterruptedException {
            return LocalStackMainIT.start(dataDir, kafkaPort, postgresPort, "second");
        }
    }

    private static Path freshDataDir(String name) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        return Files.createTempDirectory(tmp, name + "-");
    }

    private static void stopCleanly(Process stack, Path dataDir) throws Exception {
        try {
            assertThat(Files.readString(dataDir.resolve("stack.env"))).contains("DEBRIEF_POSTGRES_HOST=127.0.0.1");
        } finally {
            stack.destroy(); // SIGTERM: the shutdown hook stops Kafka and PostgreSQL
            assertThat(stack.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).isFalse();
    }

    private static Process start(Path dataDir, int kafkaPort, int postgresPort, String name)
            throws IOException, InterruptedException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), LocalStackMain.class.getName(),
                "--kafka-port", String.valueOf(kafkaPort), "--postgres-port", String.valueOf(postgresPort),
                "--data-dir", dataDir.toString(), "--databases", "scorecard"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(log) || Files.readAllLines(log).stream().noneMatch(line -> line.startsWith("READY"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("the stack did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return process;
    }
}
