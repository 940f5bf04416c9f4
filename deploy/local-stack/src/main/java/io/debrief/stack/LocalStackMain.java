package io.debrief.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local run's infrastructure as its own process: Kafka and PostgreSQL on fixed ports, one database per service,
 * the contract's topics. Writes the connection settings to {@code <data-dir>/stack.env} and runs until stopped.
 *
 * <p>Arguments: {@code --kafka-port 9092 --postgres-port 15432 --data-dir DIR --databases a,b,c --clean}.
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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--postgres-port" -> postgresPort = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--databases" -> databases = List.of(args[++i].split(","));
                case "--clean" -> clean = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (clean) {
            deleteRecursively(dataDir);
        }
        LocalStack stack = LocalStack.start(new LocalStack.Settings(kafkaPort, postgresPort, dataDir, true));
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
