package io.debrief.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three packaged services as separate processes on free ports, wired to a {@link LocalStack}: what the system
 * tests and the benchmark run against.
 */
public final class DebriefSystem implements AutoCloseable {

    public static final List<String> SERVICES = List.of("scorecard-service", "calibration-service", "notification-service");
    /** Where calibration-service and notification-service ask scorecard-service for loop keys. */
    public static final String LOOP_KEYS_URL = "DEBRIEF_LOOP_KEYS_URL";
    public static final String LOOP_KEYS_SERVICE_TOKEN = "DEBRIEF_LOOP_KEYS_SERVICE_TOKEN";
    /**
     * The base URL of the scorecard-service last launched on each stack: what a calibration-service or
     * notification-service launched there later is given as {@link #LOOP_KEYS_URL} unless its environment names one
     * (the benchmark and the chaos suite launch instances one by one, scorecard-service first).
     */
    private static final Map<LocalStack, String> SCORECARDS = new java.util.concurrent.ConcurrentHashMap<>();
    /** A service is ready in seconds on an idle machine; on two cores shared with other builds it can take minutes. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(240);

    private final LocalStack stack;
    private final Tokens tokens;
    private final boolean ownsStack;
    private final Map<String, ServiceProcess> services;
    private final Path root;
    private final Path logDir;
    private final List<String> jvmOptions;
    private final Map<String, Map<String, String>> environments;

    private DebriefSystem(LocalStack stack, Tokens tokens, boolean ownsStack, Map<String, ServiceProcess> services,
                          Path root, Path logDir, List<String> jvmOptions, Map<String, Map<String, String>> environments) {
        this.stack = stack;
        this.tokens = tokens;
        this.ownsStack = ownsStack;
        this.services = services;
        this.root = root;
        this.logDir = logDir;
        this.jvmOptions = jvmOptions;
        this.environments = environments;
    }

    /** Starts a fresh stack and the three services, and waits until each one is ready. */
    public static DebriefSystem start(Path root, Path logDir, List<String> jvmOptions) {
        return start(root, logDir, jvmOptions, Map.of());
    }

    /**
     * Starts a fresh stack and the three services as {@link #start(Path, Path, List)} does, each service with the
     * extra environment given for it by name (e.g. {@code "scorecard-service"} &rarr;
     * {@code DEBRIEF_REMINDERS_FIRST_AFTER=PT2S}), also when it is {@linkplain #restart restarted}. A service not
     * named gets none.
     */
    public static DebriefSystem start(Path root, Path logDir, List<String> jvmOptions,
                                      Map<String, Map<String, String>> environmentByService) {
        LocalStack stack = LocalStack.start();
        try {
            return start(stack, true, root, logDir, jvmOptions, Map.copyOf(environmentByService));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static DebriefSystem start(LocalStack stack, boolean ownsStack, Path root, Path logDir, List<String> jvmOptions,
                                       Map<String, Map<String, String>> environments) {
        Map<String, ServiceProcess> started = new HashMap<>();
        Tokens tokens = Tokens.inDirectory(logDir.resolve("identity"));
        try {
            for (String name : SERVICES) {
                started.put(name, launch(stack, root, name, databaseOf(name), logDir, jvmOptions,
                        environment(tokens, logDir, environments, name)));
            }
            for (ServiceProcess service : started.values()) {
                service.awaitReady(READY_WITHIN);
            }
            return new DebriefSystem(stack, tokens, ownsStack, started, root, logDir, jvmOptions, environments);
        } catch (IOException e) {
            started.values().forEach(DebriefSystem::quietlyClose);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.values().forEach(DebriefSystem::quietlyClose);
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            started.values().forEach(DebriefSystem::quietlyClose);
            throw e;
        }
    }

    /** Starts one more instance of a service against the same stack, e.g. a second calibration-service. */
    public static ServiceProcess launch(LocalStack stack, Path root, String name, String database, Path logDir,
                                        List<String> jvmOptions, Map<String, String> extraEnvironment) throws IOException {
        return launch(stack, root, name, database, Ports.free(), logDir, jvmOptions, extraEnvironment);
    }

    private static ServiceProcess launch(LocalStack stack, Path root, String name, String database, int port, Path logDir,
                                         List<String> jvmOptions, Map<String, String> extraEnvironment) throws IOException {
        Map<String, String> env = ServiceProcess.environmentOf(stack.quarkusConfig(database));
        env.put("DEBRIEF_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        if (!name.equals("scorecard-service") && SCORECARDS.containsKey(stack)) {
            env.put(LOOP_KEYS_URL, SCORECARDS.get(stack));
        }
        env.putAll(extraEnvironment);
        ServiceProcess started = ServiceProcess.start(root, name, port, jvmOptions, env, logDir);
        if (name.equals("scorecard-service")) {
            SCORECARDS.put(stack, started.baseUrl());
        }
        return started;
    }

    /** What service {@code name} is started with: the identity settings, then its own extra environment. */
    private static Map<String, String> environment(Tokens tokens, Path logDir, Map<String, Map<String, String>> environments,
                                                   String name) {
        Map<String, String> env = new HashMap<>(identityEnvironment(tokens, logDir.resolve("identity")));
        env.putAll(environments.getOrDefault(name, Map.of()));
        return env;
    }

    /**
     * The environment that makes a service trust {@code tokens} (whose public key is in {@code keyDir}) and share
     * their loop-keys service token with the other services started with it.
     */
    public static Map<String, String> identityEnvironment(Tokens tokens, Path keyDir) {
        Path publicKey = tokens.writePublicKey(keyDir.resolve("public-key.pem"));
        return Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", Tokens.ISSUER,
                LOOP_KEYS_SERVICE_TOKEN, tokens.loopKeysServiceToken());
    }

    /**
     * Copies the three packaged services ({@code <service>/target/quarkus-app}) from {@code root} to {@code into} and
     * returns {@code into}, to start them from: a rebuild in {@code root} while they run (or between a stop and a
     * start) cannot change or half-replace what a test restarts.
     */
    public static Path snapshot(Path root, Path into) {
        try {
            for (String service : SERVICES) {
                Path source = root.resolve(service).resolve("target/quarkus-app");
                if (!java.nio.file.Files.exists(source.resolve("quarkus-run.jar"))) {
                    throw new IllegalStateException(source + " is missing: package the services first (./mvnw package)");
                }
                Path target = into.resolve(service).resolve("target/quarkus-app");
                if (java.nio.file.Files.exists(target)) {
                    try (var old = java.nio.file.Files.walk(target)) {
                        for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            java.nio.file.Files.delete(path);
                        }
                    }
                }
                try (var paths = java.nio.file.Files.walk(source)) {
                    for (Path path : paths.toList()) {
                        Path copy = target.resolve(source.relativize(path).toString());
                        if (java.nio.file.Files.isDirectory(path)) {
                            java.nio.file.Files.createDirectories(copy);
                        } else {
                            java.nio.file.Files.copy(path, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String databaseOf(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    public LocalStack stack() {
        return stack;
    }

    /** Mints the tokens these services trust. */
    public Tokens tokens() {
        return tokens;
    }

    public ServiceProcess scorecards() {
        return services.get("scorecard-service");
    }

    public ServiceProcess calibrations() {
        return services.get("calibration-service");
    }

    public ServiceProcess notifications() {
        return services.get("notification-service");
    }

    /**
     * Stops a service (SIGTERM, as an orchestrator would), runs {@code whileStopped}, and starts it again on the same
     * port and database; returns once it is ready. Its log goes on in the same file.
     */
    public ServiceProcess restart(String name, Runnable whileStopped) throws IOException, InterruptedException {
        return restart(name, false, Map.of(), whileStopped);
    }

    /**
     * As {@link #restart(String, Runnable)}, but the service is killed (SIGKILL: no graceful shutdown, nothing it had
     * in hand is finished) and starts again with {@code overrides} on top of its environment, for this start only (a
     * later restart without them goes back to its own environment).
     */
    public ServiceProcess restart(String name, boolean kill, Map<String, String> overrides, Runnable whileStopped)
            throws IOException, InterruptedException {
        ServiceProcess old = services.get(name);
        if (kill) {
            old.kill();
        } else {
            old.close();
        }
        whileStopped.run();
        Map<String, String> env = new HashMap<>(environment(tokens, logDir, environments, name));
        env.putAll(overrides);
        ServiceProcess again = launch(stack, root, name, databaseOf(name), old.port(), logDir, jvmOptions, env);
        services.put(name, again);
        again.awaitReady(READY_WITHIN);
        return again;
    }

    /** Where each service writes its log (restarts append to the same file). */
    public List<Path> logs() {
        return SERVICES.stream().map(name -> services.get(name).log()).toList();
    }

    @Override
    public void close() {
        services.values().forEach(DebriefSystem::quietlyClose);
        if (ownsStack) {
            SCORECARDS.remove(stack);
            stack.close();
        }
    }

    private static void quietlyClose(ServiceProcess service) {
        try {
            service.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
