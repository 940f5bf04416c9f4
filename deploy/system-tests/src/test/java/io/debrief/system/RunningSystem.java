package io.debrief.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.debrief.testsupport.DebriefSystem;

/**
 * The whole product for the system tests, started once per test JVM: a real Kafka broker and PostgreSQL, and the
 * three packaged services ({@code target/quarkus-app/quarkus-run.jar}) as separate processes on free ports, exporting
 * their traces to an OTLP receiver in this JVM.
 */
final class RunningSystem {

    /**
     * A reminder cadence that a test can watch (the local run's fast one, README): a panel member is overdue, and gets
     * reminder 1, 3 s after their interview's scheduled end, every day of the week, looked for every second. Only loops
     * whose panel has scheduled ends are reminded at all.
     */
    static final Map<String, String> FAST_REMINDERS = Map.of(
            "DEBRIEF_REMINDERS_FIRST_AFTER", "PT3S",
            "DEBRIEF_REMINDERS_EVERY", "PT1H",
            "DEBRIEF_REMINDERS_BUSINESS_DAYS_ONLY", "false",
            "DEBRIEF_REMINDERS_CHECK_EVERY", "1s");

    private static DebriefSystem running;
    private static OtlpReceiver traces;

    private RunningSystem() {
    }

    static synchronized DebriefSystem get() {
        if (running == null) {
            // the services as packaged when the run began (debrief.apps.root: packaged elsewhere, e.g. a worktree),
            // copied so that a rebuild during the run cannot change what a test restarts
            Path packaged = Path.of(System.getProperty("debrief.apps.root", System.getProperty("debrief.root", "../..")));
            Path root = DebriefSystem.snapshot(packaged, Path.of("target", "apps"));
            System.out.println("System test of the services packaged in " + packaged.toAbsolutePath().normalize());
            traces = startTraceReceiver();
            Map<String, Map<String, String>> environments = new HashMap<>();
            for (String service : DebriefSystem.SERVICES) {
                environments.put(service, new HashMap<>(traces.environment()));
            }
            environments.get("scorecard-service").putAll(FAST_REMINDERS);
            running = DebriefSystem.start(root, Path.of("target", "system-logs"), List.of("-Xmx256m", "-XX:+UseSerialGC"),
                    environments);
            System.out.println("System test on a real Kafka broker at " + running.stack().kafkaBootstrapServers()
                    + " and a real PostgreSQL at 127.0.0.1:" + running.stack().postgres().port()
                    + "; the services export their traces to " + traces.endpoint());
            DebriefSystem system = running;
            OtlpReceiver receiver = traces;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                system.close();
                receiver.close();
            }, "system-test-shutdown"));
        }
        return running;
    }

    /**
     * The spans the three services exported (tracing is on in the system test, as in a deployment with a collector:
     * every test runs with it, and {@link CrossServiceTraceIT} follows one trace).
     */
    static synchronized OtlpReceiver traces() {
        get();
        return traces;
    }

    private static OtlpReceiver startTraceReceiver() {
        try {
            return new OtlpReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
