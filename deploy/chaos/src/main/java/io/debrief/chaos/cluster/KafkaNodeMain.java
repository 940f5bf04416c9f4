package io.debrief.chaos.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.debrief.stack.KafkaBroker;
import io.debrief.stack.Topics;

/**
 * The broker alone in a JVM of its own (deploy/local-stack's {@link KafkaBroker}), so that the suite can kill it
 * without touching PostgreSQL. Arguments: {@code PORT DATA_DIR READY_FILE}. Its log directory survives a kill.
 */
public final class KafkaNodeMain {

    private KafkaNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        Path readyFile = Path.of(args[2]);
        ParentWatch.exitWhenStandardInputCloses();
        KafkaBroker broker = KafkaBroker.start(port, dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-node-shutdown"));
        Topics.createMissing(broker.bootstrapServers());
        Files.writeString(readyFile, broker.bootstrapServers());
        stopped.await();
    }
}
