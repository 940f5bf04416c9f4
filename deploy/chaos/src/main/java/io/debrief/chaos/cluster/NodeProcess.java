package io.debrief.chaos.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the suite's own JVMs (a Kafka or a PostgreSQL node) on the suite's class path. Its standard input stays a
 * pipe to the suite, so it exits if the suite dies; it reports readiness by writing {@code readyFile}.
 */
final class NodeProcess {

    private final Process process;
    private final String ready;

    private NodeProcess(Process process, String ready) {
        this.process = process;
        this.ready = ready;
    }

    static NodeProcess start(String mainClass, List<String> args, Path workDir, Path log, Path readyFile, Duration timeout)
            throws IOException, InterruptedException {
        Files.deleteIfExists(readyFile);
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + tmp, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(readyFile) || Files.size(readyFile) == 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not start; its log " + log + " ends with:\n" + tail(log));
            }
            Thread.sleep(50);
        }
        Thread.sleep(20); // the file is written in one call; let it land
        return new NodeProcess(process, Files.readString(readyFile, StandardCharsets.UTF_8).trim());
    }

    long pid() {
        return process.pid();
    }

    /** What the node wrote to its ready file. */
    String ready() {
        return ready;
    }

    boolean alive() {
        return process.isAlive();
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
