package io.debrief.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Docker path: the same Kafka and PostgreSQL as containers. Kept thin on purpose; without a Docker engine
 * (as on this project's machines) it is never touched.
 */
final class ContainerStack {

    private ContainerStack() {
    }

    static boolean dockerAvailable() {
        boolean hinted = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!hinted) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static String kafka(List<AutoCloseable> owned) {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        kafka.start();
        owned.add(kafka::stop);
        return kafka.getBootstrapServers();
    }

    static Postgres postgres(List<AutoCloseable> owned) {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
        postgres.start();
        owned.add(postgres::stop);
        return Postgres.existing(postgres.getHost(), postgres.getFirstMappedPort(), postgres.getUsername(), postgres.getPassword());
    }
}
