package io.debrief.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.debrief.stack.LocalStack;

/**
 * The whole product for the system tests, started once per test JVM: a real Kafka broker and PostgreSQL, and the
 * three packaged services ({@code target/quarkus-app/quarkus-run.jar}) as separate processes on free ports.
 */
final class RunningSystem {

    private static RunningSystem running;

    final LocalStack stack;
    final ServiceProcess scorecards;
    final ServiceProcess calibrations;
    final ServiceProcess notifications;

    private RunningSystem(LocalStack stack, ServiceProcess scorecards, ServiceProcess calibrations, ServiceProcess notifications) {
        this.stack = stack;
        this.scorecards = scorecards;
        this.calibrations = calibrations;
        this.notifications = notifications;
    }

    static synchronized RunningSystem get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "system-test-shutdown"));
        }
        return running;
    }

    private static RunningSystem start() {
        Path root = Path.of(System.getProperty("debrief.root", "../.."));
        Path logs = Path.of("target", "system-logs");
        LocalStack stack = LocalStack.start(LocalStack.Settings.forTests());
        System.out.println("System test on a real Kafka broker at " + stack.kafkaBootstrapServers()
                + " and a real PostgreSQL at 127.0.0.1:" + stack.postgres().port());
        List<ServiceProcess> started = new ArrayList<>();
        try {
            ServiceProcess scorecards = start(stack, root, "scorecard-service", "scorecard", logs, started);
            ServiceProcess calibrations = start(stack, root, "calibration-service", "calibration", logs, started);
            ServiceProcess notifications = start(stack, root, "notification-service", "notification", logs, started);
            for (ServiceProcess service : started) {
                service.awaitReady(Duration.ofSeconds(90));
            }
            return new RunningSystem(stack, scorecards, calibrations, notifications);
        } catch (IOException e) {
            started.forEach(RunningSystem::quietlyClose);
            stack.close();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.forEach(RunningSystem::quietlyClose);
            stack.close();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            started.forEach(RunningSystem::quietlyClose);
            stack.close();
            throw e;
        }
    }

    private static ServiceProcess start(LocalStack stack, Path root, String name, String database, Path logs,
                                        List<ServiceProcess> started) throws IOException {
        Map<String, String> config = stack.quarkusConfig(database);
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.get("kafka.bootstrap.servers"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", config.get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", config.get("quarkus.datasource.reactive.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", config.get("quarkus.datasource.username"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", config.get("quarkus.datasource.password"));
        env.put("DEBRIEF_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        ServiceProcess service = ServiceProcess.start(root, name, freePort(), env, logs);
        started.add(service);
        return service;
    }

    private void stop() {
        quietlyClose(scorecards);
        quietlyClose(calibrations);
        quietlyClose(notifications);
        stack.close();
    }

    private static void quietlyClose(ServiceProcess service) {
        try {
            service.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
