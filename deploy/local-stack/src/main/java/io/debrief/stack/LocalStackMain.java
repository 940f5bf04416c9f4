package io.debrief.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local run's infrastructure as its own process: Kafka and PostgreSQL on fixed ports, one database per service,
 * the contract's topics. Writes the connection settings to {@code <data-dir>/stack.env} and runs until stopped.
 *
 * <p>Arguments: {@code --kafka-port 9092 --postgres-port 15432 --data-dir DIR --databases a,b,c --clean}; port 0
 * picks a free one; {@code --transient} drops PostgreSQL's data when stopped; {@code --exit-with-parent} stops when
 * standard input closes, i.e. when the process that started this one dies (how the tests run it).
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int kafkaPort = 9092;
        int postgresPort = 15432;
        Path dataDir = Path.of("target", "local-stack");
        List<String> databases = List.of("scorecard", "calibration", "notification");
        boolean clean = false;
        boolean keepData = true;
        boolean exitWithParent = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--postgres-port" -> postgresPort = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--databases" -> databases = Arrays.stream(args[++i].split(",")).filter(name -> !name.isBlank()).toList();
                case "--clean" -> clean = true;
                case "--transient" -> keepData = false;
                case "--exit-with-parent" -> exitWithParent = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (exitWithParent) {
            exitWhenStandardInputCloses();
        }
        if (clean) {
            deleteRecursively(dataDir);
        }
        LocalStack stack = LocalStack.start(new LocalStack.Settings(kafkaPort, postgresPort, dataDir, keepData));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        databases.forEach(stack.postgres()::ensureDatabase);

        Postgres postgres = stack.postgres();
        String env = "KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrapServers() + "\n"
                + "DEBRIEF_POSTGRES_HOST=" + postgres.host() + "\n"
                + "DEBRIEF_POSTGRES_PORT=" + postgres.port() + "\n"
                + "DEBRIEF_POSTGRES_USER=" + postgres.username() + "\n"
                + "DEBRIEF_POSTGRES_PASSWORD=" + postgres.password() + "\n";
        Files.writeString(dataDir.resolve("stack.env"), env);
        System.out.println("READY kafka=" + stack.kafkaBootstrapServers() + " postgres=" + postgres.host() + ":" + postgres.port());
        System.out.flush();
        stopped.await();
    }

    private static void exitWhenStandardInputCloses() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; reading only waits for the end of the stream
                }
            } catch (IOException e) {
                // a broken pipe means the same: the parent is gone
            }
            System.exit(0); // the shutdown hook stops Kafka and PostgreSQL
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
