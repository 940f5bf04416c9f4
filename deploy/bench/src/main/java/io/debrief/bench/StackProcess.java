package io.debrief.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.debrief.testsupport.Ports;

/**
 * Kafka and PostgreSQL in their own process ({@code LocalStackMain}), so that the broker does not share the load
 * generator's JVM and heap. Its settings become this JVM's system properties, where {@code LocalStack} finds them.
 */
final class StackProcess implements AutoCloseable {

    private final Process process;

    private StackProcess(Process process) {
        this.process = process;
    }

    static StackProcess start(Path workDir) throws IOException, InterruptedException {
        Path dataDir = workDir.resolve("stack");
        Path log = workDir.resolve("local-stack.log");
        Path env = dataDir.resolve("stack.env");
        Files.deleteIfExists(env); // a previous run's settings must not be mistaken for this one's
        Files.createDirectories(workDir.resolve("tmp"));
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Djava.io.tmpdir=" + workDir.resolve("tmp"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), "io.debrief.stack.LocalStackMain",
                "--kafka-port", String.valueOf(Ports.free()), "--postgres-port", String.valueOf(Ports.free()),
                "--data-dir", dataDir.toString(), "--databases", "scorecard,calibration,notification", "--clean"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(env)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("Kafka and PostgreSQL did not start; see " + log);
            }
            Thread.sleep(100);
        }
        Properties settings = new Properties();
        try (var reader = Files.newBufferedReader(env)) {
            settings.load(reader);
        }
        settings.forEach((name, value) -> System.setProperty(name.toString().toLowerCase().replace('_', '.'), value.toString()));
        return new StackProcess(process);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
