package io.debrief.chaos.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.debrief.testsupport.Ports;
import io.debrief.testsupport.ServiceProcess;

/**
 * One instance of a packaged service (deploy/test-support's {@link ServiceProcess}) on a port it keeps across
 * restarts, so that clients find it again where they left it, as behind a fixed address.
 */
public final class ServiceInstance {

    private final String service;
    private final String name;
    private final Path appsRoot;
    private final Path logDir;
    private final int port;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private volatile ServiceProcess process;

    ServiceInstance(String service, String name, Path appsRoot, Path logDir, List<String> jvmOptions,
                    Map<String, String> environment) {
        this.service = service;
        this.name = name;
        this.appsRoot = appsRoot;
        this.logDir = logDir;
        this.port = Ports.free();
        this.jvmOptions = jvmOptions;
        this.environment = environment;
    }

    /** e.g. {@code calibration-service} */
    public String service() {
        return service;
    }

    /** e.g. {@code calibration-a} */
    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public synchronized void start() throws IOException {
        process = ServiceProcess.start(appsRoot, service, port, jvmOptions, environment, logDir.resolve(name));
    }

    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        process.awaitReady(timeout);
    }

    /**
     * Waits until the instance that was started is ready; if it gives up during start-up (e.g. Flyway finds no free
     * connection on a saturated machine) or is not ready in time, starts it again, up to {@code attempts} in all.
     *
     * @return how many extra starts it took
     */
    public int awaitReadyOrRestart(Duration timeout, int attempts) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                awaitReady(timeout);
                return attempt - 1;
            } catch (IllegalStateException failed) {
                if (attempt >= attempts) {
                    throw failed;
                }
                kill();
                start();
            }
        }
    }

    public synchronized void kill() {
        Signals.kill(process.pid());
    }

    public void pause() {
        Signals.stop(process.pid());
    }

    public void resume() {
        Signals.resume(process.pid());
    }

    public synchronized void close() {
        if (process != null && Signals.alive(process.pid())) {
            try {
                Signals.resume(process.pid()); // a paused JVM cannot run its shutdown
            } catch (IllegalStateException gone) {
                // it ended meanwhile
            }
            Signals.terminate(process.pid(), 20);
        }
    }
}
