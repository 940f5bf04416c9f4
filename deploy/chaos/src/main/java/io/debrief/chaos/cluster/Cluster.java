package io.debrief.chaos.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

import io.debrief.testsupport.DebriefSystem;
import io.debrief.testsupport.PostgresServer;
import io.debrief.testsupport.Tokens;

/**
 * Everything the suite runs and may kill: PostgreSQL, Kafka, and the instances of each service. Stops all of it, by
 * PID, when closed or when this JVM exits.
 */
public final class Cluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    /** What a run passes to the services (beyond where Kafka, PostgreSQL and the token issuer are). */
    public record ServiceSettings(Map<String, Integer> instances, Map<String, List<String>> systemProperties,
                                  Map<String, String> environment, List<String> jvmOptions) {
    }

    private final PostgresNode postgres;
    private final KafkaNode kafka;
    private final Tokens tokens;
    private final List<ServiceInstance> instances = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::closeQuietly, "chaos-cluster-shutdown");
    private volatile boolean closed;

    private Cluster(PostgresNode postgres, KafkaNode kafka, Tokens tokens) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.tokens = tokens;
    }

    /**
     * Starts PostgreSQL and Kafka, then every instance, and waits until all are ready.
     *
     * @param root the repository (the services' {@code target/quarkus-app} are copied from there first, so that a
     *             rebuild while the suite runs cannot change what it restarts)
     */
    public static Cluster start(Path root, Path workDir, String synchronousCommit, ServiceSettings settings)
            throws IOException, InterruptedException {
        Path appsRoot = snapshotServices(root, workDir.resolve("apps"));
        Cluster cluster = new Cluster(new PostgresNode(workDir.resolve("postgres"), synchronousCommit),
                new KafkaNode(workDir.resolve("kafka")), Tokens.inDirectory(workDir.resolve("identity")));
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            ExecutorService starting = Executors.newFixedThreadPool(2);
            try {
                Future<?> pg = starting.submit(() -> {
                    cluster.postgres.start();
                    return null;
                });
                Future<?> broker = starting.submit(() -> {
                    cluster.kafka.start();
                    return null;
                });
                pg.get();
                broker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Kafka or PostgreSQL did not start", e.getCause());
            } finally {
                starting.shutdownNow();
            }
            Map<String, String> identity = DebriefSystem.identityEnvironment(cluster.tokens, workDir.resolve("identity"));
            for (String service : DebriefSystem.SERVICES) {
                int count = settings.instances().getOrDefault(service, 1);
                for (int i = 0; i < count; i++) {
                    String name = DebriefSystem.databaseOf(service) + "-" + (char) ('a' + i);
                    List<String> jvm = new ArrayList<>(settings.jvmOptions());
                    settings.systemProperties().getOrDefault(service, List.of()).forEach(property ->
                            jvm.add("-D" + property.replace("{instance}", name)));
                    Map<String, String> env = new HashMap<>(cluster.serviceEnvironment(service));
                    env.putAll(identity);
                    if (!service.equals("scorecard-service")) {
                        // one fixed address, as a Service would be: the first scorecard-service instance (while it
                        // is killed, texts whose key is not cached cannot be opened: a 503, retried)
                        env.put(DebriefSystem.LOOP_KEYS_URL, cluster.instancesOf("scorecard-service").get(0).baseUrl());
                    }
                    env.putAll(settings.environment());
                    cluster.instances.add(new ServiceInstance(service, name, appsRoot, workDir.resolve("logs"), jvm, env));
                }
            }
            for (ServiceInstance instance : cluster.instances) {
                instance.start();
            }
            for (ServiceInstance instance : cluster.instances) {
                instance.awaitReadyOrRestart(Duration.ofSeconds(180), 3);
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private Map<String, String> serviceEnvironment(String service) {
        PostgresServer server = postgres.server();
        String database = DebriefSystem.databaseOf(service);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", server.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", server.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", server.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", server.password());
        env.put("DEBRIEF_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        return env;
    }

    private static Path snapshotServices(Path root, Path appsRoot) throws IOException {
        for (String service : DebriefSystem.SERVICES) {
            Path source = root.resolve(service).resolve("target/quarkus-app");
            if (!Files.exists(source.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(source + " is missing: package the services first (./mvnw package)");
            }
            Path target = appsRoot.resolve(service).resolve("target/quarkus-app");
            try (var paths = Files.walk(source)) {
                for (Path path : paths.toList()) {
                    Path copy = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return appsRoot;
    }

    public PostgresNode postgres() {
        return postgres;
    }

    public KafkaNode kafka() {
        return kafka;
    }

    public Tokens tokens() {
        return tokens;
    }

    public List<ServiceInstance> instances() {
        return List.copyOf(instances);
    }

    public List<ServiceInstance> instancesOf(String service) {
        return instances.stream().filter(instance -> instance.service().equals(service)).toList();
    }

    @Override
    public void close() {
        closeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already running as the hook
        }
    }

    private synchronized void closeQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        List<Runnable> steps = new ArrayList<>();
        instances.forEach(instance -> steps.add(instance::close));
        steps.add(kafka::close);
        steps.add(postgres::close);
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.warning("stopping part of the cluster failed: " + e);
            }
        }
    }

}
