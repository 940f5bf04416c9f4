package io.debrief.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.debrief.chaos.faults.FaultKind;

/**
 * One run's parameters. {@link #shortRun} is the CI run (every fault kind once); {@link #longRun} the run of
 * {@code run.sh DURATION}. {@code synchronousCommit} is PostgreSQL's commit durability for the services' databases
 * ({@code off} shows what a lost commit looks like); {@code serviceConfig} names the consumer settings passed to the
 * services ({@link ServiceConfig}).
 */
public record ChaosSettings(String name, Duration duration, int minimumRounds, List<FaultKind> faults,
                            Duration minGap, Duration maxGap, Duration pause, Duration outage, Duration maxRecovery,
                            Duration retryBudget, String synchronousCommit, ServiceConfig serviceConfig,
                            Map<String, Integer> instances, int clients, Duration thinkTime, double webhookFailureRate,
                            long seed, Path root, Path workDir, Path resultsDir) {

    public static ChaosSettings shortRun(Path root, Path workDir, Path resultsDir) {
        ServiceConfig config = ServiceConfig.FAST_FAILOVER;
        return new ChaosSettings("short", Duration.ZERO, 1, List.of(FaultKind.values()), Duration.ofSeconds(1),
                Duration.ofSeconds(3), config.pauseFor(), Duration.ofSeconds(10), Duration.ofSeconds(45),
                Duration.ofSeconds(90), "on", config, defaultInstances(), 3, Duration.ofMillis(300), 0.1,
                System.nanoTime(), root, workDir, resultsDir);
    }

    public static ChaosSettings longRun(Duration duration, Path root, Path workDir, Path resultsDir) {
        ServiceConfig config = ServiceConfig.FAST_FAILOVER;
        return new ChaosSettings("long", duration, 2, List.of(FaultKind.values()), Duration.ofSeconds(2),
                Duration.ofSeconds(6), config.pauseFor(), Duration.ofSeconds(60), Duration.ofSeconds(45),
                Duration.ofSeconds(180), "on", config, defaultInstances(), 4, Duration.ofMillis(250), 0.1,
                System.nanoTime(), root, workDir, resultsDir);
    }

    /**
     * Two instances of every service: a stream on either notification-service instance carries every decision (the
     * instances follow the decisions table, LISTEN/NOTIFY), so the stream client fails over to the other one.
     */
    static Map<String, Integer> defaultInstances() {
        Map<String, Integer> instances = new LinkedHashMap<>();
        instances.put("scorecard-service", 2);
        instances.put("calibration-service", 2);
        instances.put("notification-service", 2);
        return instances;
    }

    /** Options of run.sh / the main class: {@code --synchronous-commit off}, {@code --faults kill-postgres,...}, ... */
    public ChaosSettings with(List<String> args) {
        ChaosSettings s = this;
        for (int i = 0; i < args.size(); i++) {
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (args.get(i)) {
                case "--synchronous-commit" -> s = s.copy(b -> b.synchronousCommit = value);
                case "--service-config" -> s = s.copy(b -> {
                    b.serviceConfig = ServiceConfig.valueOf(value.toUpperCase().replace('-', '_'));
                    b.pause = b.serviceConfig.pauseFor();
                });
                case "--faults" -> s = s.copy(b -> b.faults = Arrays.stream(value.split(","))
                        .map(f -> FaultKind.valueOf(f.trim().toUpperCase().replace('-', '_'))).toList());
                case "--rounds" -> s = s.copy(b -> b.minimumRounds = Integer.parseInt(value));
                case "--outage" -> s = s.copy(b -> b.outage = parseDuration(value));
                case "--pause" -> s = s.copy(b -> b.pause = parseDuration(value));
                case "--instances" -> s = s.copy(b -> {
                    Map<String, Integer> instances = new LinkedHashMap<>(b.instances);
                    for (String pair : value.split(",")) {
                        String[] parts = pair.split("=");
                        instances.put(parts[0].endsWith("-service") ? parts[0] : parts[0] + "-service", Integer.parseInt(parts[1]));
                    }
                    b.instances = instances;
                });
                case "--clients" -> s = s.copy(b -> b.clients = Integer.parseInt(value));
                case "--seed" -> s = s.copy(b -> b.seed = Long.parseLong(value));
                case "--name" -> s = s.copy(b -> b.name = value);
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
            i++;
        }
        return s;
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}). */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase();
        if (t.startsWith("pt") || t.startsWith("p")) {
            return Duration.parse(text.toUpperCase());
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text + " (e.g. 90s, 10m)");
        };
    }

    private ChaosSettings copy(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        String name; Duration duration; int minimumRounds; List<FaultKind> faults; Duration minGap; Duration maxGap;
        Duration pause; Duration outage; Duration maxRecovery; Duration retryBudget; String synchronousCommit;
        ServiceConfig serviceConfig; Map<String, Integer> instances; int clients; Duration thinkTime;
        double webhookFailureRate; long seed; Path root; Path workDir; Path resultsDir;

        Builder(ChaosSettings s) {
            name = s.name; duration = s.duration; minimumRounds = s.minimumRounds; faults = new ArrayList<>(s.faults);
            minGap = s.minGap; maxGap = s.maxGap; pause = s.pause; outage = s.outage; maxRecovery = s.maxRecovery;
            retryBudget = s.retryBudget; synchronousCommit = s.synchronousCommit; serviceConfig = s.serviceConfig;
            instances = s.instances; clients = s.clients; thinkTime = s.thinkTime;
            webhookFailureRate = s.webhookFailureRate; seed = s.seed; root = s.root; workDir = s.workDir;
            resultsDir = s.resultsDir;
        }

        ChaosSettings build() {
            return new ChaosSettings(name, duration, minimumRounds, faults, minGap, maxGap, pause, outage, maxRecovery,
                    retryBudget, synchronousCommit, serviceConfig, instances, clients, thinkTime, webhookFailureRate,
                    seed, root, workDir, resultsDir);
        }
    }
}
