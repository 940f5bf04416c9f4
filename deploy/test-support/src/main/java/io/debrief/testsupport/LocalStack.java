package io.debrief.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Kafka and PostgreSQL for tests: the ones named by the environment when given, else a local stack
 * ({@code io.debrief.stack.LocalStackMain} of deploy/local-stack) started as a separate JVM on free ports, so that
 * neither a Kafka server nor PostgreSQL binaries are on the test's class path.
 *
 * <p>Environment: {@code KAFKA_BOOTSTRAP_SERVERS} with {@code DEBRIEF_POSTGRES_HOST}, {@code DEBRIEF_POSTGRES_PORT},
 * {@code DEBRIEF_POSTGRES_USER}, {@code DEBRIEF_POSTGRES_PASSWORD}. System properties of the same name in lower case
 * with dots ({@code kafka.bootstrap.servers}) win over the environment.
 *
 * @param process the stack's JVM when this started one, else null
 */
public record LocalStack(String kafkaBootstrapServers, PostgresServer postgres, Process process)
        implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());
    private static final String CLASSPATH_RESOURCE = "local-stack.classpath";
    private static LocalStack shared;

    /** One stack for the whole test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            shared = start();
            LocalStack stack = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "debrief-stack-shutdown"));
        }
        return shared;
    }

    /** The servers the environment names, or a fresh stack process with its data under {@code java.io.tmpdir}. */
    public static LocalStack start() {
        Optional<String> givenKafka = setting("KAFKA_BOOTSTRAP_SERVERS");
        Optional<String> givenPostgres = setting("DEBRIEF_POSTGRES_HOST");
        if (givenKafka.isPresent() != givenPostgres.isPresent()) {
            throw new IllegalStateException("name both KAFKA_BOOTSTRAP_SERVERS and DEBRIEF_POSTGRES_HOST, or neither");
        }
        if (givenKafka.isPresent()) {
            return new LocalStack(givenKafka.get(), new PostgresServer(givenPostgres.get(),
                    Integer.parseInt(setting("DEBRIEF_POSTGRES_PORT").orElse("5432")),
                    setting("DEBRIEF_POSTGRES_USER").orElse("postgres"),
                    setting("DEBRIEF_POSTGRES_PASSWORD").orElse("postgres")), null);
        }
        try {
            return startProcess();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local stack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local stack", e);
        }
    }

    private static LocalStack startProcess() throws IOException, InterruptedException {
        long begin = System.nanoTime();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        Path dataDir = Files.createTempDirectory(tmp, "debrief-stack-");
        Path stackTmp = Files.createDirectories(dataDir.resolve("tmp"));
        Path log = dataDir.resolve("local-stack.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.io.tmpdir=" + stackTmp, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", stackClassPath(), "io.debrief.stack.LocalStackMain",
                "--kafka-port", "0", "--postgres-port", "0", "--data-dir", dataDir.toString(),
                "--databases", "", "--transient", "--exit-with-parent"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start(); // stdin stays a pipe: the stack exits when this JVM dies and the pipe closes
        Path env = dataDir.resolve("stack.env");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!ready(log)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the local stack did not start; its log " + log + " ends with:\n" + tail(log));
            }
            Thread.sleep(20);
        }
        Properties settings = new Properties();
        try (var reader = Files.newBufferedReader(env)) {
            settings.load(reader);
        }
        LocalStack stack = new LocalStack(settings.getProperty("KAFKA_BOOTSTRAP_SERVERS"), new PostgresServer(
                settings.getProperty("DEBRIEF_POSTGRES_HOST"), Integer.parseInt(settings.getProperty("DEBRIEF_POSTGRES_PORT")),
                settings.getProperty("DEBRIEF_POSTGRES_USER"), settings.getProperty("DEBRIEF_POSTGRES_PASSWORD")), process);
        LOG.info(() -> "local stack (pid " + process.pid() + ") up in " + (System.nanoTime() - begin) / 1_000_000
                + " ms: Kafka " + stack.kafkaBootstrapServers() + ", PostgreSQL " + stack.postgres.host() + ":" + stack.postgres.port()
                + "; log " + log);
        return stack;
    }

    private static boolean ready(Path log) throws IOException {
        return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).lines().anyMatch(line -> line.startsWith("READY"));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The class path Maven resolved for deploy/local-stack when this module was built. */
    private static String stackClassPath() throws IOException {
        try (InputStream in = LocalStack.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build deploy/test-support with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    static Optional<String> setting(String environmentName) {
        String property = System.getProperty(environmentName.toLowerCase().replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return Optional.of(property);
        }
        String value = System.getenv(environmentName);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The Quarkus configuration of a service that owns {@code database}: Kafka, the JDBC URL Flyway migrates over and
     * the reactive URL Hibernate Reactive runs on. Creates the database when missing.
     */
    public Map<String, String> quarkusConfig(String database) {
        postgres.ensureDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", kafkaBootstrapServers,
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    /** Stops the stack process, if this started one (SIGTERM: it stops Kafka and PostgreSQL cleanly). */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
