package io.debrief.chaos.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.debrief.testsupport.Ports;

/** The Kafka broker as a process the suite can kill -9, stop and start again on the same port and log directory. */
public final class KafkaNode {

    private final Path workDir;
    private final int port;
    private volatile NodeProcess process;

    public KafkaNode(Path workDir) {
        this.workDir = workDir;
        this.port = Ports.free();
    }

    public synchronized void start() throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        process = NodeProcess.start(KafkaNodeMain.class.getName(),
                List.of(String.valueOf(port), workDir.resolve("data").toString(), workDir.resolve("ready").toString()),
                workDir, workDir.resolve("kafka.log"), workDir.resolve("ready"), Duration.ofSeconds(120));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9 of the broker's JVM. */
    public synchronized void kill() {
        Signals.kill(process.pid());
    }

    /** A stop as for maintenance: SIGTERM (controlled shutdown), kill -9 if it takes more than 10 s. */
    public synchronized void stop() {
        Signals.terminate(process.pid(), 10);
    }

    public synchronized void close() {
        if (process != null && process.alive()) {
            Signals.terminate(process.pid(), 30);
        }
    }
}
