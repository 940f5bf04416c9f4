package io.debrief.system;

import java.nio.file.Path;
import java.util.List;

import io.debrief.testsupport.DebriefSystem;

/**
 * The whole product for the system tests, started once per test JVM: a real Kafka broker and PostgreSQL, and the
 * three packaged services ({@code target/quarkus-app/quarkus-run.jar}) as separate processes on free ports.
 */
final class RunningSystem {

    private static DebriefSystem running;

    private RunningSystem() {
    }

    static synchronized DebriefSystem get() {
        if (running == null) {
            Path root = Path.of(System.getProperty("debrief.root", "../.."));
            running = DebriefSystem.start(root, Path.of("target", "system-logs"), List.of("-Xmx256m", "-XX:+UseSerialGC"));
            System.out.println("System test on a real Kafka broker at " + running.stack().kafkaBootstrapServers()
                    + " and a real PostgreSQL at 127.0.0.1:" + running.stack().postgres().port());
            DebriefSystem system = running;
            Runtime.getRuntime().addShutdownHook(new Thread(system::close, "system-test-shutdown"));
        }
        return running;
    }
}
