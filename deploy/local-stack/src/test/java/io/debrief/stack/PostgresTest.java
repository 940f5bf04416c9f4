package io.debrief.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PostgresTest {

    private static Path freshDir(String name) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        return Files.createTempDirectory(tmp, name + "-").resolve("postgres");
    }

    @Test
    void commitsAreDurable() throws IOException {
        try (Postgres postgres = Postgres.start(0, freshDir("durable"), true)) {
            assertThat(postgres.show("synchronous_commit")).isEqualTo("on");
            assertThat(postgres.show("fsync")).isEqualTo("on");
        }
    }

    @Test
    void neverTakesAnotherProcessForAnOrphan() throws Exception {
        Path dataDir = freshDir("not-ours");
        Files.createDirectories(dataDir);
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            // a postmaster.pid naming our data directory, but the process it names is no PostgreSQL
            Files.writeString(dataDir.resolve("postmaster.pid"), sleeper.pid() + "\n" + dataDir.toAbsolutePath() + "\n");
            assertThat(Postgres.orphanPostmaster(dataDir)).isEmpty();

            // a live PostgreSQL, but of another data directory
            Path otherDir = freshDir("other");
            try (Postgres other = Postgres.start(0, otherDir, true)) {
                Files.writeString(dataDir.resolve("postmaster.pid"), postmasterPid(otherDir) + "\n" + otherDir + "\n");
                assertThat(Postgres.orphanPostmaster(dataDir)).isEmpty();
                Files.writeString(dataDir.resolve("postmaster.pid"), postmasterPid(otherDir) + "\n" + dataDir + "\n");
                assertThat(Postgres.orphanPostmaster(dataDir)).isEmpty();
            }
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    static boolean exits(long pid, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
