package io.debrief.platform.observability;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * What readiness needs to know of a background worker (the outbox relay, the webhook dispatcher): whether its work is
 * stuck or keeps failing. The worker reports each round; {@link #problem()} names what is wrong, empty while it is
 * fine (also before it starts and while it is idle). A service's {@code @Readiness} check answers {@link #readiness}.
 */
public final class WorkerHealth {

    private final Duration stuckAfter;
    private final Duration failingAfter;
    private final LongSupplier nanoTime;
    private volatile boolean started;
    private volatile boolean stopped;
    private volatile long roundSince; // 0: no round in progress
    private volatile long failingSince; // 0: the last round succeeded

    /** Not ready once one round runs longer than {@code stuckAfter} or every round fails for longer than {@code failingAfter}. */
    public WorkerHealth(Duration stuckAfter, Duration failingAfter) {
        this(stuckAfter, failingAfter, System::nanoTime);
    }

    /** As above, on another clock (tests). */
    public WorkerHealth(Duration stuckAfter, Duration failingAfter, LongSupplier nanoTime) {
        this.stuckAfter = stuckAfter;
        this.failingAfter = failingAfter;
        this.nanoTime = nanoTime;
    }

    /** The worker runs. */
    public void started() {
        started = true;
        stopped = false;
    }

    /** The worker has ended. */
    public void stopped() {
        stopped = true;
        roundSince = 0;
    }

    public void roundStarted() {
        roundSince = nonZero(nanoTime.getAsLong());
    }

    public void roundSucceeded() {
        roundSince = 0;
        failingSince = 0;
    }

    public void roundFailed() {
        roundSince = 0;
        if (failingSince == 0) {
            failingSince = nonZero(nanoTime.getAsLong());
        }
    }

    /** What is wrong with the worker, if anything. */
    public Optional<String> problem() {
        long now = nanoTime.getAsLong();
        long round = roundSince;
        long failing = failingSince;
        if (started && stopped) {
            return Optional.of("it has stopped");
        }
        if (round != 0 && now - round > stuckAfter.toNanos()) {
            return Optional.of("a round has run for more than " + stuckAfter);
        }
        if (failing != 0 && now - failing > failingAfter.toNanos()) {
            return Optional.of("every round has failed for more than " + failingAfter);
        }
        return Optional.empty();
    }

    /** The readiness check {@code name}: DOWN with the reason ({@code doing} + the problem) while there is one. */
    public HealthCheckResponse readiness(String name, String doing) {
        return problem()
                .map(problem -> HealthCheckResponse.named(name).down().withData("reason", doing + problem))
                .orElseGet(() -> HealthCheckResponse.named(name).up()).build();
    }

    private static long nonZero(long nanos) {
        return nanos == 0 ? 1 : nanos;
    }
}
