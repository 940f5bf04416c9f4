package io.debrief.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Kafka and PostgreSQL for the services: the ones named by the environment when given, else containers when a
 * Docker engine is there, else real servers started here without Docker.
 *
 * <p>Environment: {@code KAFKA_BOOTSTRAP_SERVERS}; {@code DEBRIEF_POSTGRES_HOST}, {@code DEBRIEF_POSTGRES_PORT},
 * {@code DEBRIEF_POSTGRES_USER}, {@code DEBRIEF_POSTGRES_PASSWORD}; {@code DEBRIEF_STACK} = {@code auto} (default),
 * {@code embedded} or {@code containers}. System properties of the same name in lower case with dots
 * ({@code debrief.stack}) win over the environment.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());
    private static LocalStack shared;

    private final String bootstrapServers;
    private final Postgres postgres;
    private final List<AutoCloseable> owned;

    private LocalStack(String bootstrapServers, Postgres postgres, List<AutoCloseable> owned) {
        this.bootstrapServers = bootstrapServers;
        this.postgres = postgres;
        this.owned = owned;
    }

    /** Fixed ports (0 = any free one) and where the embedded servers keep their data. */
    public record Settings(int kafkaPort, int postgresPort, Path dataDir, boolean keepData) {

        /** Free ports and a fresh data directory under {@code java.io.tmpdir}: what tests want. */
        public static Settings forTests() {
            try {
                Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
                Files.createDirectories(tmp);
                return new Settings(0, 0, Files.createTempDirectory(tmp, "debrief-stack-"), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One stack for the whole JVM, started on first use and stopped when the JVM exits. */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            shared = start(Settings.forTests());
            LocalStack stack = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "debrief-stack-shutdown"));
        }
        return shared;
    }

    public static LocalStack start(Settings settings) {
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            Optional<String> givenKafka = setting("KAFKA_BOOTSTRAP_SERVERS");
            Optional<String> givenPostgres = setting("DEBRIEF_POSTGRES_HOST");
            boolean containers = useContainers(givenKafka.isPresent() && givenPostgres.isPresent());

            String bootstrap;
            if (givenKafka.isPresent()) {
                bootstrap = givenKafka.get();
            } else if (containers) {
                bootstrap = ContainerStack.kafka(owned);
            } else {
                long begin = System.nanoTime();
                KafkaBroker broker = KafkaBroker.start(settings.kafkaPort(), settings.dataDir().resolve("kafka"));
                owned.add(broker);
                bootstrap = broker.bootstrapServers();
                LOG.info(() -> "Kafka broker (KRaft) up at " + broker.bootstrapServers() + " in " + millisSince(begin) + " ms");
            }
            Topics.createMissing(bootstrap);

            Postgres postgres;
            if (givenPostgres.isPresent()) {
                postgres = Postgres.existing(givenPostgres.get(),
                        Integer.parseInt(setting("DEBRIEF_POSTGRES_PORT").orElse("5432")),
                        setting("DEBRIEF_POSTGRES_USER").orElse("postgres"),
                        setting("DEBRIEF_POSTGRES_PASSWORD").orElse("postgres"));
            } else if (containers) {
                postgres = ContainerStack.postgres(owned);
            } else {
                long begin = System.nanoTime();
                postgres = Postgres.start(settings.postgresPort(), settings.dataDir().resolve("postgres"), !settings.keepData());
                owned.add(postgres);
                Postgres started = postgres;
                LOG.info(() -> "PostgreSQL up at 127.0.0.1:" + started.port() + " in " + millisSince(begin) + " ms");
            }
            return new LocalStack(bootstrap, postgres, owned);
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    private static boolean useContainers(boolean everythingGiven) {
        String mode = setting("DEBRIEF_STACK").orElse("auto");
        return switch (mode) {
            case "embedded" -> false;
            case "containers" -> true;
            case "auto" -> !everythingGiven && ContainerStack.dockerAvailable();
            default -> throw new IllegalArgumentException("DEBRIEF_STACK must be auto, embedded or containers, not " + mode);
        };
    }

    static Optional<String> setting(String environmentName) {
        String property = System.getProperty(environmentName.toLowerCase().replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return Optional.of(property);
        }
        String value = System.getenv(environmentName);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    public String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    public Postgres postgres() {
        return postgres;
    }

    /**
     * The Quarkus configuration of a service that owns {@code database}: Kafka, the JDBC URL Flyway migrates over and
     * the reactive URL Hibernate Reactive runs on. Creates the database when missing.
     */
    public Map<String, String> quarkusConfig(String database) {
        postgres.ensureDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void close() {
        closeAll(owned);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        // stop in reverse order of start; keep going so that one failure does not leak the others
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warning("stopping " + resources.get(i) + " failed: " + e);
            }
        }
        resources.clear();
    }
}
