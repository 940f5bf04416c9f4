package io.debrief.chaos.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;
import java.util.logging.Logger;

import io.debrief.chaos.cluster.Cluster;
import io.debrief.chaos.cluster.ServiceInstance;
import io.debrief.chaos.workload.Clock;

/**
 * Injects the faults one at a time at random moments: waits a random gap, injects one, waits until the system has
 * recovered from it (bounded), and so on. The kinds come in shuffled rounds, so every kind occurs once per round.
 */
public final class Nemesis {

    private static final Logger LOG = Logger.getLogger(Nemesis.class.getName());

    /** How the faults are paced. */
    public record Plan(List<FaultKind> kinds, int minimumRounds, Duration duration, Duration minGap, Duration maxGap,
                       Duration pause, Duration outage, Duration maxRecovery) {
    }

    private final Cluster cluster;
    private final Clock clock;
    private final Plan plan;
    private final Random random;
    private final LongPredicate recovered;
    private final Map<String, Integer> nextInstance = new HashMap<>();
    private final List<Fault> faults = new ArrayList<>();

    /**
     * @param recovered whether the system has recovered from a fault that ended at the given time
     */
    public Nemesis(Cluster cluster, Clock clock, Plan plan, long seed, LongPredicate recovered) {
        this.cluster = cluster;
        this.clock = clock;
        this.plan = plan;
        this.random = new Random(seed);
        this.recovered = recovered;
    }

    /** Runs at least {@code minimumRounds} rounds, and more while {@code duration} has not passed. */
    public List<Fault> run() throws Exception {
        long deadline = clock.now() + plan.duration().toMillis();
        int round = 0;
        while (round < plan.minimumRounds() || clock.now() < deadline) {
            List<FaultKind> kinds = new ArrayList<>(plan.kinds());
            Collections.shuffle(kinds, random);
            for (FaultKind kind : kinds) {
                if (round >= plan.minimumRounds() && clock.now() >= deadline) {
                    break;
                }
                Thread.sleep(gap());
                Fault fault = inject(kind);
                faults.add(fault);
                LOG.info(() -> "fault " + fault.kind().label() + " on " + fault.target() + " lasted " + fault.downMillis() + " ms");
                awaitRecovery(fault.endedAt());
            }
            round++;
        }
        return List.copyOf(faults);
    }

    private long gap() {
        long min = plan.minGap().toMillis();
        long max = plan.maxGap().toMillis();
        return min + (max > min ? random.nextLong(max - min) : 0);
    }

    private void awaitRecovery(long endedAt) throws InterruptedException {
        long deadline = clock.now() + plan.maxRecovery().toMillis();
        while (clock.now() < deadline && !recovered.test(endedAt)) {
            Thread.sleep(200);
        }
    }

    private Fault inject(FaultKind kind) throws Exception {
        long start = clock.now();
        return switch (kind) {
            case KILL_SCORECARD -> killService(kind, "scorecard-service", start);
            case KILL_CALIBRATION -> killService(kind, "calibration-service", start);
            case KILL_NOTIFICATION -> killService(kind, "notification-service", start);
            case PAUSE_CALIBRATION -> pauseService(kind, "calibration-service", start);
            case PAUSE_NOTIFICATION -> pauseService(kind, "notification-service", start);
            case KILL_KAFKA -> {
                long pid = cluster.kafka().pid();
                cluster.kafka().kill();
                cluster.kafka().start();
                yield new Fault(kind, "kafka (pid " + pid + ")", start, clock.now(), "");
            }
            case KAFKA_OUTAGE -> {
                long pid = cluster.kafka().pid();
                cluster.kafka().stop();
                long stopped = clock.now();
                Thread.sleep(Math.max(0, plan.outage().toMillis() - (stopped - start)));
                long restart = clock.now();
                cluster.kafka().start();
                yield new Fault(kind, "kafka (pid " + pid + ")", start, clock.now(), "stopping took " + (stopped - start)
                        + " ms, down until " + (restart - start) + " ms, then " + (clock.now() - restart) + " ms to start");
            }
            case KILL_POSTGRES -> {
                long pid = cluster.postgres().postmasterPid();
                cluster.postgres().kill();
                cluster.postgres().start();
                yield new Fault(kind, "postgres (postmaster pid " + pid + ")", start, clock.now(), "");
            }
        };
    }

    private ServiceInstance next(String service) {
        List<ServiceInstance> instances = cluster.instancesOf(service);
        int index = nextInstance.merge(service, 1, Integer::sum) - 1;
        return instances.get(index % instances.size());
    }

    private Fault killService(FaultKind kind, String service, long start) throws Exception {
        ServiceInstance instance = next(service);
        long pid = instance.pid();
        instance.kill();
        long killed = clock.now();
        instance.start();
        int again = instance.awaitReadyOrRestart(Duration.ofSeconds(180), 3);
        long ready = clock.now();
        return new Fault(kind, instance.name() + " (pid " + pid + ")", start, ready,
                "restarted and ready in " + (ready - killed) + " ms" + (again > 0 ? " (" + again + " failed starts)" : ""));
    }

    private Fault pauseService(FaultKind kind, String service, long start) throws Exception {
        ServiceInstance instance = next(service);
        instance.pause();
        try {
            Thread.sleep(plan.pause().toMillis());
        } finally {
            instance.resume();
        }
        return new Fault(kind, instance.name() + " (pid " + instance.pid() + ")", start, clock.now(),
                "stopped " + plan.pause().toSeconds() + " s");
    }
}
